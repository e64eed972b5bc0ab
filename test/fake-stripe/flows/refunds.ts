import { EventBatch, previousAttributes, type EventRequest } from '../events.js';
import { invalidRequest } from '../errors.js';
import { newId } from '../ids.js';
import { mustGet, type FakeStripeStore } from '../store.js';
import type { FakeCharge, FakeRefund, Metadata } from '../types.js';

export interface RefundInit {
  charge?: string;
  paymentIntent?: string;
  /** Minor units; defaults to what is left to refund. */
  amount?: number;
  reason?: FakeRefund['reason'];
  metadata?: Metadata;
}

function chargeToRefund(store: FakeStripeStore, init: RefundInit): FakeCharge {
  if (init.charge !== undefined) return mustGet(store.charges, init.charge, 'charge', 'charge');
  if (init.paymentIntent === undefined) {
    throw invalidRequest('One of the following params should be provided for this request: payment_intent or charge.', 'parameter_missing');
  }
  const intent = mustGet(store.paymentIntents, init.paymentIntent, 'payment_intent', 'payment_intent');
  const charge = intent.status === 'succeeded' && intent.latest_charge ? store.charges.get(intent.latest_charge) : undefined;
  if (!charge) {
    throw invalidRequest(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, 'charge_not_refundable', 'payment_intent');
  }
  return charge;
}

/**
 * Refunds all or part of a succeeded charge. Refusals are Stripe-shaped 400s:
 * `charge_already_refunded` when nothing is left, `amount_too_large` when asking for more than
 * what is left. Emits `refund.created` and `charge.refunded` (with `previous_attributes`).
 */
export function createRefund(store: FakeStripeStore, init: RefundInit, request?: EventRequest): { refund: FakeRefund; events: EventBatch['events'] } {
  const charge = chargeToRefund(store, init);
  if (charge.status !== 'succeeded') throw invalidRequest(`Charge ${charge.id} has not succeeded and cannot be refunded.`, 'charge_not_refundable', 'charge');
  const remaining = charge.amount - charge.amount_refunded;
  if (remaining <= 0) throw invalidRequest(`Charge ${charge.id} has already been refunded.`, 'charge_already_refunded', 'charge');
  const amount = init.amount ?? remaining;
  if (amount < 1) throw invalidRequest('Refund amount must be a positive integer.', 'parameter_invalid_integer', 'amount');
  if (amount > remaining) {
    throw invalidRequest(
      `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining}).`,
      'amount_too_large',
      'amount',
    );
  }
  const refund: FakeRefund = {
    id: newId('re'),
    object: 'refund',
    amount,
    balance_transaction: newId('txn'),
    charge: charge.id,
    created: store.clock.now(),
    currency: charge.currency,
    metadata: init.metadata ?? {},
    payment_intent: charge.payment_intent,
    reason: init.reason ?? null,
    receipt_number: null,
    status: 'succeeded',
  };
  store.refunds.set(refund.id, refund);
  const before = structuredClone(charge);
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  const batch = new EventBatch(store, request);
  batch.emit('refund.created', refund);
  batch.emit('charge.refunded', charge, previousAttributes(before, charge));
  return { refund, events: batch.events };
}
