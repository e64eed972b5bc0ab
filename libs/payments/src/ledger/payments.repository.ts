import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { lazy, toConnection, type ConnectionShape, decodeTimeIdCursor } from '../../../core/src/index.js';
import { PaymentEntity } from './payment.entity.js';
import { PaymentPurpose, PaymentStatus } from './payment.enums.js';

import type { NewPayment } from './new-payment.js';

export type { NewPayment };

export interface PaymentFilter {
  userId?: string;
  status?: PaymentStatus;
  purpose?: PaymentPurpose;
  from?: Date;
  to?: Date;
  minAmount?: number;
  maxAmount?: number;
}

/** Totals of one currency over the payments a filter matches. */
export interface PaymentTotalRow {
  currency: string;
  payments: number;
  amount: number;
  refunded: number;
}

@Injectable()
export class PaymentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(PaymentEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<PaymentEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  lockById(manager: EntityManager, id: string): Promise<PaymentEntity | null> {
    return this.repo(manager).createQueryBuilder('p').where('p.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  /** The payment recorded for any of these Stripe ids (a payment intent, or the invoice it paid). */
  findByStripeRefs(manager: EntityManager, refs: { paymentIntentId?: string | null; invoiceId?: string | null; chargeId?: string | null }): Promise<PaymentEntity | null> {
    const query = this.repo(manager).createQueryBuilder('p').where('false');
    if (refs.paymentIntentId) query.orWhere('p.stripe_payment_intent_id = :pi', { pi: refs.paymentIntentId });
    if (refs.invoiceId) query.orWhere('p.stripe_invoice_id = :inv', { inv: refs.invoiceId });
    if (refs.chargeId) query.orWhere('p.stripe_charge_id = :ch', { ch: refs.chargeId });
    return query.getOne();
  }

  /** Locks the payment a Stripe charge or payment intent belongs to. */
  lockByStripeRefs(manager: EntityManager, refs: { paymentIntentId?: string | null; chargeId?: string | null }): Promise<PaymentEntity | null> {
    const query = this.repo(manager).createQueryBuilder('p').where('false');
    if (refs.paymentIntentId) query.orWhere('p.stripe_payment_intent_id = :pi', { pi: refs.paymentIntentId });
    if (refs.chargeId) query.orWhere('p.stripe_charge_id = :ch', { ch: refs.chargeId });
    return query.setLock('pessimistic_write').getOne();
  }

  /** A plain insert: the unique Stripe ids are the backstop should two writers ever get this far. */
  insert(manager: EntityManager, payment: NewPayment): Promise<PaymentEntity> {
    return this.repo(manager).save(this.repo(manager).create({ ...payment, amountRefunded: 0, status: PaymentStatus.SUCCEEDED }));
  }

  /**
   * Inserts the payment unless one with any of its unique ids (its Stripe ids) is recorded already: the new row, or
   * null (then nothing was written). One statement; a writer inserting the same ids at the same moment waits for the
   * other's commit and then writes nothing.
   */
  async insertUnlessRecorded(manager: EntityManager, payment: NewPayment): Promise<PaymentEntity | null> {
    const entity = this.repo(manager).create({ ...payment, amountRefunded: 0, status: PaymentStatus.SUCCEEDED });
    const result = await this.repo(manager).createQueryBuilder().insert().into(PaymentEntity).values(entity).orIgnore().execute();
    return result.raw.length ? entity : null;
  }

  async setRefunded(manager: EntityManager, id: string, amountRefunded: number, status: PaymentStatus): Promise<void> {
    await this.repo(manager).update({ id }, { amountRefunded, status });
  }

  /** Newest first, keyset-paged on (created_at, id). */
  async list(filter: PaymentFilter, first: number, after?: string): Promise<ConnectionShape<PaymentEntity>> {
    const base = this.filtered(filter);
    const page = base.clone();
    const cursor = decodeTimeIdCursor(after);
    if (cursor) page.andWhere('(p.created_at, p.id) < (:at::timestamptz, :id::uuid)', { at: cursor[0], id: cursor[1] });
    const rows = await page.orderBy('p.created_at', 'DESC').addOrderBy('p.id', 'DESC').limit(first + 1).getMany();
    return toConnection(rows, first, (r) => [r.createdAt.toISOString(), r.id], lazy(() => base.getCount()));
  }

  /** One aggregate over the same rows as `list`: per currency, how many, received and refunded. */
  async totals(filter: PaymentFilter): Promise<PaymentTotalRow[]> {
    const rows: Array<{ currency: string; payments: number; amount: string; refunded: string }> = await this.filtered(filter)
      .select('p.currency', 'currency')
      .addSelect('count(*)::int', 'payments')
      .addSelect('sum(p.amount)::bigint::text', 'amount')
      .addSelect('sum(p.amount_refunded)::bigint::text', 'refunded')
      .groupBy('p.currency')
      .orderBy('p.currency', 'ASC')
      .getRawMany();
    return rows.map((r) => ({ currency: r.currency, payments: r.payments, amount: Number(r.amount), refunded: Number(r.refunded) }));
  }

  private filtered(filter: PaymentFilter) {
    const query = this.repo().createQueryBuilder('p');
    if (filter.userId) query.andWhere('p.user_id = :userId', { userId: filter.userId });
    if (filter.status) query.andWhere('p.status = :status', { status: filter.status });
    if (filter.purpose) query.andWhere('p.purpose = :purpose', { purpose: filter.purpose });
    if (filter.from) query.andWhere('p.created_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('p.created_at < :to', { to: filter.to });
    if (filter.minAmount != null) query.andWhere('p.amount >= :minAmount', { minAmount: filter.minAmount });
    if (filter.maxAmount != null) query.andWhere('p.amount <= :maxAmount', { maxAmount: filter.maxAmount });
    return query;
  }
}
