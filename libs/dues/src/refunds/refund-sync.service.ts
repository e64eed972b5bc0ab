import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PaymentLedger, RefundLedger } from '../../../payments/src/index.js';
import type { RefundPlan } from '../sync/dues-facts.js';

/** Refunds as Stripe reports them (charge.refunded, reconciliation) onto the locked payment row. */
@Injectable()
export class RefundSyncService {
  constructor(
    private readonly payments: PaymentLedger,
    private readonly ledger: RefundLedger,
  ) {}

  async apply(manager: EntityManager, plan: RefundPlan): Promise<string[]> {
    const payment = await this.payments.lockByStripeRefs(manager, { paymentIntentId: plan.paymentIntentId, chargeId: plan.chargeId || null });
    if (!payment) return [];
    const changed = await this.ledger.applyStripeRefunds(manager, payment, plan.refunds);
    return changed ? [`payment ${payment.id}: ${changed} refund(s) updated, ${payment.amountRefunded} refunded`] : [];
  }
}
