import { EventBatch, type EventRequest } from '../events.js';
import { invalidRequest } from '../errors.js';
import { createCustomer } from '../objects/customer.js';
import { createSubscriptionInvoice, type InvoiceLineInit } from '../objects/invoice.js';
import { confirmPaymentIntent, createPaymentIntent } from '../objects/payment.js';
import { createSubscription, currentPeriod } from '../objects/subscription.js';
import { mustGet, type CheckoutSessionExtras, type FakeStripeStore } from '../store.js';
import type { FakeCheckoutSession, FakeEvent } from '../types.js';
import { attemptInvoicePayment, openInvoice } from './invoicing.js';

export interface CompleteCheckoutOptions {
  /** The email the customer types on the payment page (default: the session's or customer's, else a test address). */
  email?: string;
  name?: string;
}

function openSession(store: FakeStripeStore, id: string): { session: FakeCheckoutSession; extras: CheckoutSessionExtras } {
  const session = mustGet(store.checkoutSessions, id, 'checkout.session');
  if (session.status !== 'open') {
    throw invalidRequest(`This Checkout Session is ${session.status ?? 'not open'}; only open sessions can be completed or expired.`, undefined, 'session');
  }
  const extras = store.checkoutExtras.get(id);
  if (!extras) throw new Error(`fake Stripe: no line items stored for ${id}`);
  return { session, extras };
}

function startSubscription(store: FakeStripeStore, batch: EventBatch, session: FakeCheckoutSession, extras: CheckoutSessionExtras, customer: string): void {
  const items = extras.lineItems.map((line) => ({ price: line.price, quantity: line.quantity ?? 1 }));
  const subscription = createSubscription(store, { customer, items, metadata: extras.subscriptionMetadata });
  const period = currentPeriod(subscription);
  const recurring = [...subscription.items.data];
  const lines: InvoiceLineInit[] = items.map((item) => {
    if (!item.price.recurring) return { ...item, period: { start: period.start, end: period.start } };
    const subscriptionItem = recurring.shift();
    return { ...item, period, subscriptionItem: subscriptionItem?.id };
  });
  const invoice = createSubscriptionInvoice(store, subscription, 'subscription_create', lines, { start: period.start, end: period.start });
  batch.emit('customer.subscription.created', subscription);
  openInvoice(store, batch, invoice);
  attemptInvoicePayment(store, batch, invoice, true);
  session.subscription = subscription.id;
  session.invoice = invoice.id;
}

/**
 * What happens when the customer pays on the Checkout page with a working card.
 * subscription mode: [customer.created], customer.subscription.created, invoice.created,
 *   invoice.finalized, charge.succeeded, payment_intent.succeeded, invoice_payment.paid,
 *   invoice.paid, invoice.payment_succeeded, checkout.session.completed.
 * payment mode: [customer.created], charge.succeeded, payment_intent.succeeded,
 *   checkout.session.completed.
 */
export function completeCheckoutSession(store: FakeStripeStore, id: string, options: CompleteCheckoutOptions = {}): FakeEvent[] {
  const { session, extras } = openSession(store, id);
  if (store.clock.now() >= session.expires_at) {
    throw new Error(`fake Stripe: checkout session ${id} passed its expires_at; call expireCheckoutSession instead`);
  }
  const batch = new EventBatch(store);
  const existing = session.customer ? store.customers.get(session.customer) : undefined;
  const email = options.email ?? session.customer_email ?? existing?.email ?? 'member@example.test';
  const name = options.name ?? existing?.name ?? null;
  let customer = session.customer;
  if (!customer && (session.mode === 'subscription' || session.customer_creation === 'always')) {
    const created = createCustomer(store, { email, name });
    batch.emit('customer.created', created);
    customer = created.id;
  }
  if (session.mode === 'subscription') {
    if (!customer) throw new Error('fake Stripe: subscription checkout without a customer');
    startSubscription(store, batch, session, extras, customer);
  } else {
    const intent = createPaymentIntent(store, {
      amount: session.amount_total ?? 0,
      currency: session.currency ?? 'usd',
      customer,
      metadata: extras.paymentIntentMetadata,
      description: extras.paymentIntentDescription,
    });
    const charge = confirmPaymentIntent(store, intent, true);
    batch.emit('charge.succeeded', charge);
    batch.emit('payment_intent.succeeded', intent);
    session.payment_intent = intent.id;
  }
  session.customer = customer;
  session.status = 'complete';
  session.payment_status = 'paid';
  session.url = null;
  session.customer_details = {
    address: null,
    business_name: null,
    email,
    individual_name: null,
    name,
    phone: null,
    tax_exempt: 'none',
    tax_ids: [],
  };
  batch.emit('checkout.session.completed', session);
  return batch.events;
}

/** The session times out or is expired through the API: `checkout.session.expired`. */
export function expireCheckoutSession(store: FakeStripeStore, id: string, request?: EventRequest): FakeEvent[] {
  const { session } = openSession(store, id);
  const batch = new EventBatch(store, request);
  session.status = 'expired';
  session.url = null;
  batch.emit('checkout.session.expired', session);
  return batch.events;
}
