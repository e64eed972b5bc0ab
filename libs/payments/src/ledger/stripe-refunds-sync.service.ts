import { Injectable } from '@nestjs/common';
import type Stripe from 'stripe';
import { EntityManager } from 'typeorm';
import { StripeGateway } from '../stripe/stripe-gateway.js';
import type { StripeEventHandler } from '../webhooks/stripe-event-handler.js';
import { PaymentsRepository } from './payments.repository.js';
import { RefundLedger } from './refund-ledger.service.js';
import { refundsOfCharge, type StripeRefundsOf, refundFact } from './stripe-refund-facts.js';

/**
 * Refunds as Stripe reports them (charge.refunded, made here or in the dashboard; reconciliation of
 * refunds whose answer was lost) onto the ledger payment they belong to, whatever it paid for. Dues
 * and event seats both put `charge.refunded` in their tables with this handler.
 */
@Injectable()
export class StripeRefundsSync implements StripeEventHandler<StripeRefundsOf> {
  constructor(
    private readonly gateway: StripeGateway,
    private readonly payments: PaymentsRepository,
    private readonly ledger: RefundLedger,
  ) {}

  /** The charge's current refunds (the event's copy may be old). */
  async read(event: Stripe.Event): Promise<StripeRefundsOf | null> {
    const id = (event.data.object as { id?: string }).id;
    if (!id) return null;
    return refundsOfCharge(await this.gateway.call('read charge', (s) => s.charges.retrieve(id, { expand: ['refunds'] })));
  }

  async ofPaymentIntent(paymentIntentId: string): Promise<StripeRefundsOf> {
    const list = await this.gateway.call('list refunds', (s) => s.refunds.list({ payment_intent: paymentIntentId, limit: 100 }));
    return { chargeId: null, paymentIntentId, refunds: list.data.map(refundFact) };
  }

  /** Applies them on the locked payment row; returns what changed. */
  async apply(manager: EntityManager, plan: StripeRefundsOf): Promise<string[]> {
    const payment = await this.payments.lockByStripeRefs(manager, { paymentIntentId: plan.paymentIntentId, chargeId: plan.chargeId });
    if (!payment) return [];
    const changed = await this.ledger.applyStripeRefunds(manager, payment, plan.refunds);
    return changed ? [`payment ${payment.id}: ${changed} refund(s) updated, ${payment.amountRefunded} refunded`] : [];
  }
}
