import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainEvents, inTransaction } from '../../../core/src/index.js';
import { PaymentRefundEntity } from './payment-refund.entity.js';
import { PaymentEntity } from './payment.entity.js';
import { RefundStatus } from './payment.enums.js';
import type { NewPayment } from './new-payment.js';
import { PaymentsRepository } from './payments.repository.js';
import { RefundLedger } from './refund-ledger.service.js';
import { RefundsRepository } from './refunds.repository.js';

/** A payment as other features see it (read-only: only this service writes the ledger). */
export type LedgerPayment = Readonly<PaymentEntity>;
export type LedgerRefund = Readonly<PaymentRefundEntity>;
export type StripeRefs = { paymentIntentId?: string | null; invoiceId?: string | null; chargeId?: string | null };

/** A refund Stripe made at our request (or had made already), to book on the payment it belongs to. */
export interface RefundToRecord {
  paymentIntentId: string | null;
  chargeId?: string | null;
  /** Stripe's refund id; null when Stripe said the charge was refunded already (no id of ours). */
  stripeRefundId: string | null;
  amount: number;
  currency: string;
}

/**
 * The payments ledger's one writer. Dues and events record money received and refunds here, passing
 * their `EntityManager` so the ledger row commits (or rolls back) with their own rows.
 */
@Injectable()
export class PaymentLedger {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly payments: PaymentsRepository,
    private readonly refunds: RefundsRepository,
    private readonly refundLedger: RefundLedger,
    private readonly domainEvents: DomainEvents,
  ) {}

  /**
   * Records money received once: when a payment with one of its Stripe ids is recorded already, that
   * one is returned (`created: false`). The unique Stripe ids are the backstop.
   */
  recordPayment(manager: EntityManager | undefined, payment: NewPayment): Promise<{ payment: LedgerPayment; created: boolean }> {
    return inTransaction(this.dataSource, manager, async (m) => {
      const refs = { paymentIntentId: payment.stripePaymentIntentId, invoiceId: payment.stripeInvoiceId, chargeId: payment.stripeChargeId };
      let created: PaymentEntity;
      if (refs.paymentIntentId || refs.invoiceId || refs.chargeId) {
        // Written unless recorded already (one statement); only a repeat reads the one recorded.
        const inserted = await this.payments.insertUnlessRecorded(m, payment);
        const recorded = inserted ? null : await this.payments.findByStripeRefs(m, refs);
        if (recorded) return { payment: recorded, created: false };
        // Not recorded by its Stripe ids, yet not written: another unique id of it was (raised as a plain insert raises it).
        created = inserted ?? (await this.payments.insert(m, payment));
      } else {
        created = await this.payments.insert(m, payment);
      }
      await this.domainEvents.record(m, 'payment.succeeded', {
        paymentId: created.id, userId: created.userId, purpose: created.purpose, amount: created.amount, currency: created.currency, paidAt: created.paidAt,
      });
      return { payment: created, created: true };
    });
  }

  /**
   * Books a refund Stripe made on the payment its ids name (locked), once per Stripe refund id, and
   * updates the payment's refunded total and status. Null when no payment of ours matches.
   */
  refund(manager: EntityManager | undefined, refund: RefundToRecord): Promise<LedgerPayment | null> {
    return inTransaction(this.dataSource, manager, async (m) => {
      const payment = await this.payments.lockByStripeRefs(m, { paymentIntentId: refund.paymentIntentId, chargeId: refund.chargeId ?? null });
      if (!payment) return null;
      const fact = { id: refund.stripeRefundId, amount: refund.amount, currency: refund.currency, status: RefundStatus.SUCCEEDED, localId: null, created: new Date() };
      if (fact.id) await this.refundLedger.applyStripeRefunds(m, payment, [{ ...fact, id: fact.id }]);
      else await this.refundLedger.recordUnidentified(m, payment, fact.amount);
      return payment;
    });
  }

  findById(id: string, manager?: EntityManager): Promise<LedgerPayment | null> {
    return this.payments.findById(id, manager);
  }

  findByStripeRefs(manager: EntityManager, refs: StripeRefs): Promise<LedgerPayment | null> {
    return this.payments.findByStripeRefs(manager, refs);
  }

  /** Locks the payment row (FOR UPDATE) in the caller's transaction. */
  lockById(manager: EntityManager, id: string): Promise<PaymentEntity | null> {
    return this.payments.lockById(manager, id);
  }

  lockByStripeRefs(manager: EntityManager, refs: StripeRefs): Promise<PaymentEntity | null> {
    return this.payments.lockByStripeRefs(manager, refs);
  }

  findRefund(id: string, manager?: EntityManager): Promise<PaymentRefundEntity | null> {
    return this.refunds.findById(id, manager);
  }

  /** Refunds still waiting for Stripe's answer, oldest first (reconciliation settles them). */
  pendingRefundsOlderThan(before: Date, limit: number): Promise<LedgerRefund[]> {
    return this.refunds.pendingOlderThan(before, limit);
  }
}
