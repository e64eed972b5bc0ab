import type Stripe from 'stripe';
import { EventBatch, previousAttributes, type EventRequest } from '../events.js';
import { invalidRequest } from '../errors.js';
import { createSubscriptionInvoice } from '../objects/invoice.js';
import { currentPeriod, nextPeriod, setPeriod } from '../objects/subscription.js';
import { mustGet, type FakeStripeStore } from '../store.js';
import type { FakeEvent, FakeInvoice, FakeSubscription } from '../types.js';
import { attemptInvoicePayment, openInvoice } from './invoicing.js';

function liveSubscription(store: FakeStripeStore, id: string): FakeSubscription {
  const subscription = mustGet(store.subscriptions, id, 'subscription');
  if (subscription.status === 'canceled' || subscription.status === 'incomplete_expired') {
    throw invalidRequest(`This subscription is ${subscription.status}.`);
  }
  return subscription;
}

/** `status` follows the latest payment; emits `customer.subscription.updated` when it changes. */
function setStatus(batch: EventBatch, subscription: FakeSubscription, status: FakeSubscription['status']): void {
  if (subscription.status === status) return;
  const before = structuredClone(subscription);
  subscription.status = status;
  batch.emit('customer.subscription.updated', subscription, previousAttributes(before, subscription));
}

/** Moves to the next period and opens its invoice (the `subscription_cycle` step). */
function startNextCycle(store: FakeStripeStore, batch: EventBatch, subscription: FakeSubscription): FakeInvoice {
  const before = structuredClone(subscription);
  const previous = currentPeriod(subscription);
  const period = nextPeriod(previous.end, subscription.items.data);
  setPeriod(subscription, period);
  const lines = subscription.items.data.map((item) => ({
    price: item.price,
    quantity: item.quantity ?? 1,
    period,
    subscriptionItem: item.id,
  }));
  const invoice = createSubscriptionInvoice(store, subscription, 'subscription_cycle', lines, previous);
  batch.emit('customer.subscription.updated', subscription, previousAttributes(before, subscription));
  openInvoice(store, batch, invoice);
  return invoice;
}

/**
 * The end of a period with a working card: the next period starts (on the items), a
 * `subscription_cycle` invoice is created and paid, and a past_due subscription becomes active.
 * A subscription set to `cancel_at_period_end` ends instead.
 */
export function renewSubscription(store: FakeStripeStore, id: string): FakeEvent[] {
  const subscription = liveSubscription(store, id);
  if (subscription.cancel_at_period_end) return cancelSubscription(store, id);
  const batch = new EventBatch(store);
  const invoice = startNextCycle(store, batch, subscription);
  attemptInvoicePayment(store, batch, invoice, true);
  setStatus(batch, subscription, 'active');
  return batch.events;
}

/**
 * A declined renewal: when the latest invoice is paid, the next period starts and its invoice
 * fails; when the latest invoice is still open (an earlier failure), this is another failed
 * retry of it. Either way the subscription ends up `past_due`.
 */
export function failInvoicePayment(store: FakeStripeStore, id: string): FakeEvent[] {
  const subscription = liveSubscription(store, id);
  const batch = new EventBatch(store);
  const latest = subscription.latest_invoice ? store.invoices.get(subscription.latest_invoice) : undefined;
  const invoice = latest?.status === 'open' ? latest : startNextCycle(store, batch, subscription);
  attemptInvoicePayment(store, batch, invoice, false);
  setStatus(batch, subscription, 'past_due');
  return batch.events;
}

/** A successful retry of the open latest invoice (after `failInvoicePayment`): past_due → active. */
export function payOpenInvoice(store: FakeStripeStore, id: string): FakeEvent[] {
  const subscription = liveSubscription(store, id);
  const latest = subscription.latest_invoice ? store.invoices.get(subscription.latest_invoice) : undefined;
  if (latest?.status !== 'open') throw new Error(`fake Stripe: subscription ${id} has no open invoice to pay`);
  const batch = new EventBatch(store);
  attemptInvoicePayment(store, batch, latest, true);
  setStatus(batch, subscription, 'active');
  return batch.events;
}

/** Ends the subscription now: `status: canceled`, `ended_at`, `customer.subscription.deleted`. */
export function cancelSubscription(
  store: FakeStripeStore,
  id: string,
  request?: EventRequest,
  details: { comment?: string | null; feedback?: Stripe.Subscription.CancellationDetails.Feedback | null } = {},
): FakeEvent[] {
  const subscription = liveSubscription(store, id);
  const batch = new EventBatch(store, request);
  const now = store.clock.now();
  subscription.status = 'canceled';
  subscription.canceled_at = subscription.canceled_at ?? now;
  subscription.ended_at = now;
  subscription.cancellation_details = {
    comment: details.comment ?? subscription.cancellation_details?.comment ?? null,
    feedback: details.feedback ?? subscription.cancellation_details?.feedback ?? null,
    feedback_option: subscription.cancellation_details?.feedback_option ?? null,
    reason: 'cancellation_requested',
  };
  batch.emit('customer.subscription.deleted', subscription);
  return batch.events;
}
