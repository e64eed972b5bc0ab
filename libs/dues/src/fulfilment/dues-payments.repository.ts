import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DuesPaymentEntity } from '../entities/dues-payment.entity.js';

@Injectable()
export class DuesPaymentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, row: Omit<DuesPaymentEntity, 'createdAt' | 'payment' | 'membership' | 'tier'>): Promise<void> {
    await manager.getRepository(DuesPaymentEntity).insert(row);
  }

  /** Whether a payment for this invoice or payment intent was applied to a membership. */
  async existsForSource(manager: EntityManager, sourceRef: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM dues_payments WHERE source_ref = $1`, [sourceRef]);
    return rows.length > 0;
  }

  /** The tier each of these ledger payments paid for, in one query (payments that are not dues are left out). */
  async tiersOf(paymentIds: readonly string[]): Promise<Map<string, string>> {
    if (paymentIds.length === 0) return new Map();
    const rows: Array<{ paymentId: string; tierId: string }> = await this.dataSource.query(
      `SELECT payment_id AS "paymentId", tier_id AS "tierId" FROM dues_payments WHERE payment_id = ANY($1::uuid[])`,
      [[...new Set(paymentIds)]],
    );
    return new Map(rows.map((r) => [r.paymentId, r.tierId]));
  }

  findByPaymentId(paymentId: string, manager?: EntityManager): Promise<DuesPaymentEntity | null> {
    return (manager ?? this.dataSource.manager).getRepository(DuesPaymentEntity).findOneBy({ paymentId });
  }
}
