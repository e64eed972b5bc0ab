import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataRegistry } from '../../../core/src/index.js';

/** A person's payments and their refunds, for their export. */
@Injectable()
export class PaymentsPersonalDataRepository implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PersonalDataRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.addExporter('payments', async (userId) => ({
      area: 'payments',
      records: {
        payments: await this.dataSource.query(
          `SELECT id, purpose, provider, method, amount, currency, amount_refunded, status, description, receipt_url, paid_at, created_at
             FROM payments WHERE user_id = $1 ORDER BY paid_at`,
          [userId],
        ),
        refunds: await this.dataSource.query(
          `SELECT r.id, r.payment_id, r.amount, r.currency, r.status, r.reason, r.settled_at, r.created_at
             FROM payment_refunds r JOIN payments p ON p.id = r.payment_id WHERE p.user_id = $1 ORDER BY r.created_at`,
          [userId],
        ),
      },
    }));
  }
}
