import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { enqueue, JobRegistry, PersonalDataRegistry } from '../../../core/src/index.js';

import { StripeGateway } from '../stripe/stripe-gateway.js';

export const DELETE_STRIPE_CUSTOMER_TASK = 'delete-stripe-customer';

/** A person's payments and their refunds, for their export; on erasure, their Stripe customer is deleted. */
@Injectable()
export class PaymentsPersonalDataRepository implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PersonalDataRegistry,
    private readonly jobs: JobRegistry,
    private readonly stripe: StripeGateway,
  ) {}

  onModuleInit(): void {
    this.jobs.register(DELETE_STRIPE_CUSTOMER_TASK, async (payload) => {
      const { customerId } = payload as { customerId: string };
      await this.stripe.call('customers.del', (stripe) => stripe.customers.del(customerId));
    });
    // Payments and refunds are financial records and stay (amounts, dates, Stripe ids), linked to the
    // anonymous account; Stripe's copy of the person is deleted through the SDK after the commit.
    this.registry.addEraser('payments', async (manager, subject) => {
      const customers: Array<{ stripe_customer_id: string }> = await manager.query(`SELECT stripe_customer_id FROM stripe_customers WHERE user_id = $1`, [subject.userId]);
      for (const { stripe_customer_id: customerId } of customers) {
        await enqueue(manager, DELETE_STRIPE_CUSTOMER_TASK, { customerId }, { jobKey: `delete-customer:${customerId}`, maxAttempts: 10 });
      }
    });
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
