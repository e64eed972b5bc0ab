import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppError, DomainEvents, ErrorCode } from '../../../core/src/index.js';
import { PaymentsErrorReason } from '../payments.errors.js';
import { PaymentRefundEntity } from './payment-refund.entity.js';
import { PaymentEntity } from './payment.entity.js';
import { paymentStatusFor, RefundStatus } from './payment.enums.js';
import { PaymentsRepository } from './payments.repository.js';
import { RefundsRepository } from './refunds.repository.js';

/** A refund as Stripe reports it (on a charge, or from the refunds list). */
export interface StripeRefundFact {
  id: string;
  amount: number;
  currency: string;
  status: RefundStatus;
  /** Ours, when we asked for it (metadata.guildhall_refund_id). */
  localId: string | null;
  created: Date;
}

const RANK: Record<RefundStatus, number> = { [RefundStatus.PENDING]: 0, [RefundStatus.SUCCEEDED]: 1, [RefundStatus.FAILED]: 1 };

/**
 * Refund bookkeeping on a payment row the caller has locked (FOR UPDATE): what is reserved,
 * what succeeded, and the payment's refunded total, which is always the sum of succeeded refunds.
 */
@Injectable()
export class RefundLedger {
  constructor(
    private readonly payments: PaymentsRepository,
    private readonly refunds: RefundsRepository,
    private readonly domainEvents: DomainEvents,
  ) {}

  /**
   * Reserves `amount` (default: all that is left) as a PENDING refund. A PENDING refund of the same
   * amount is reused, so a retried request repeats the same Stripe call instead of making a second.
   */
  async reserve(
    manager: EntityManager,
    payment: PaymentEntity,
    amount: number | undefined,
    meta: { reason: string | null; requestedBy: string | null },
  ): Promise<{ refund: PaymentRefundEntity; reused: boolean }> {
    const existing = await this.refunds.forPayment(manager, payment.id);
    if (amount !== undefined) {
      const retry = existing.find((r) => r.status === RefundStatus.PENDING && r.amount === amount);
      if (retry) return { refund: retry, reused: true };
    }
    const reserved = existing.filter((r) => r.status !== RefundStatus.FAILED).reduce((sum, r) => sum + r.amount, 0);
    const refundable = payment.amount - reserved;
    const wanted = amount ?? refundable;
    if (refundable <= 0 || wanted > refundable) {
      const message = refundable <= 0 ? 'nothing is left to refund on this payment' : `must be at most ${refundable} (what is left of the ${payment.amount} paid)`;
      throw new AppError(ErrorCode.BAD_USER_INPUT, `amount: ${message}`, { fields: [{ path: 'amount', message }], reason: PaymentsErrorReason.REFUND_EXCEEDS_PAID });
    }
    const refund = await this.refunds.insert(manager, {
      paymentId: payment.id,
      amount: wanted,
      currency: payment.currency,
      status: RefundStatus.PENDING,
      stripeRefundId: null,
      reason: meta.reason,
      requestedBy: meta.requestedBy,
      failureMessage: null,
      settledAt: null,
    });
    return { refund, reused: false };
  }

  async markSucceeded(manager: EntityManager, payment: PaymentEntity, refund: PaymentRefundEntity, stripeRefundId: string | null): Promise<void> {
    if (refund.status === RefundStatus.PENDING) {
      refund.status = RefundStatus.SUCCEEDED;
      refund.settledAt = new Date();
    }
    refund.stripeRefundId ??= stripeRefundId;
    await this.refunds.save(manager, refund);
    await this.recompute(manager, payment);
  }

  async markFailed(manager: EntityManager, refund: PaymentRefundEntity, message: string): Promise<void> {
    if (refund.status !== RefundStatus.PENDING) return;
    refund.status = RefundStatus.FAILED;
    refund.failureMessage = message.slice(0, 1000);
    refund.settledAt = new Date();
    await this.refunds.save(manager, refund);
  }

  /**
   * Brings the payment's refunds in line with Stripe's (upserts keyed on our id, else Stripe's;
   * a status only moves forward). Returns how many rows changed.
   */
  async applyStripeRefunds(manager: EntityManager, payment: PaymentEntity, facts: StripeRefundFact[]): Promise<number> {
    const existing = await this.refunds.forPayment(manager, payment.id);
    let changed = 0;
    for (const fact of facts) {
      const row = existing.find((r) => r.stripeRefundId === fact.id) ?? existing.find((r) => fact.localId !== null && r.id === fact.localId);
      if (!row) {
        await this.refunds.insert(manager, {
          paymentId: payment.id,
          amount: fact.amount,
          currency: fact.currency,
          status: fact.status,
          stripeRefundId: fact.id,
          reason: 'made in Stripe',
          requestedBy: null,
          failureMessage: null,
          settledAt: fact.status === RefundStatus.PENDING ? null : fact.created,
        });
        changed++;
        continue;
      }
      const forward = RANK[fact.status] > RANK[row.status];
      if (row.stripeRefundId === fact.id && !forward) continue;
      row.stripeRefundId = fact.id;
      if (forward) {
        row.status = fact.status;
        row.settledAt = new Date();
      }
      await this.refunds.save(manager, row);
      changed++;
    }
    if (changed) await this.recompute(manager, payment);
    return changed;
  }

  /** Stripe says the charge is refunded already but gave no refund id: books what is left, once. */
  async recordUnidentified(manager: EntityManager, payment: PaymentEntity, amount: number): Promise<void> {
    const succeeded = await this.refunds.sumByStatus(manager, payment.id, [RefundStatus.SUCCEEDED]);
    const left = Math.min(amount, payment.amount - succeeded);
    if (left <= 0) return;
    await this.refunds.insert(manager, {
      paymentId: payment.id,
      amount: left,
      currency: payment.currency,
      status: RefundStatus.SUCCEEDED,
      stripeRefundId: null,
      reason: 'refunded already in Stripe',
      requestedBy: null,
      failureMessage: null,
      settledAt: new Date(),
    });
    await this.recompute(manager, payment);
  }

  private async recompute(manager: EntityManager, payment: PaymentEntity): Promise<void> {
    const refunded = Math.min(payment.amount, await this.refunds.sumByStatus(manager, payment.id, [RefundStatus.SUCCEEDED]));
    const before = payment.amountRefunded;
    payment.amountRefunded = refunded;
    payment.status = paymentStatusFor(payment.amount, refunded);
    await this.payments.setRefunded(manager, payment.id, refunded, payment.status);
    if (refunded > before) {
      await this.domainEvents.record(manager, 'payment.refunded', {
        paymentId: payment.id, userId: payment.userId, amount: refunded - before, amountRefunded: refunded, currency: payment.currency, status: payment.status,
      });
    }
  }
}
