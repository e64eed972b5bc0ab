import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type Stripe from 'stripe';
import { startFakeStripe, type FakeInvoice, type FakeStripe, type FakeSubscription } from './index.js';
import { createDuesPrice } from './spec-support.js';

const YEAR_AFTER = (unix: number): number => {
  const date = new Date(unix * 1000);
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  return Math.floor(date.getTime() / 1000);
};

describe('fake Stripe billing flows', () => {
  let fake: FakeStripe;
  let stripe: Stripe;

  beforeAll(async () => {
    fake = await startFakeStripe();
    stripe = fake.client({ maxNetworkRetries: 0 });
  });

  afterAll(async () => {
    await fake.close();
  });

  beforeEach(() => fake.reset());

  async function activeSubscription(): Promise<FakeSubscription> {
    const { price } = await createDuesPrice(stripe);
    const session = await stripe.checkout.sessions.create({
      mode: 'subscription',
      customer_email: 'grace@example.test',
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: 'https://guildhall.test/ok',
      subscription_data: { metadata: { member_id: '7' } },
    });
    fake.completeCheckoutSession(session.id);
    const id = fake.store.checkoutSessions.get(session.id)?.subscription;
    const subscription = id ? fake.store.subscriptions.get(id) : undefined;
    if (!subscription) throw new Error('checkout did not create a subscription');
    return subscription;
  }

  function invoiceOf(events: ReturnType<FakeStripe['renewSubscription']>, type: string): FakeInvoice {
    const event = events.find((e) => e.type === type);
    if (!event || event.data.object.object !== 'invoice') throw new Error(`no ${type} event`);
    return event.data.object;
  }

  it('renews into the next period with a paid subscription_cycle invoice', async () => {
    const subscription = await activeSubscription();
    const first = subscription.items.data[0];
    const oldStart = first?.current_period_start ?? 0;
    const oldEnd = first?.current_period_end ?? 0;
    expect(oldEnd).toBe(YEAR_AFTER(oldStart));

    const events = fake.renewSubscription(subscription.id);
    expect(events.map((e) => e.type)).toEqual([
      'customer.subscription.updated', 'invoice.created', 'invoice.finalized', 'charge.succeeded', 'payment_intent.succeeded',
      'invoice_payment.paid', 'invoice.paid', 'invoice.payment_succeeded',
    ]);
    const renewed = await stripe.subscriptions.retrieve(subscription.id);
    expect(renewed.items.data[0]).toMatchObject({ current_period_start: oldEnd, current_period_end: YEAR_AFTER(oldEnd) });
    const invoice = invoiceOf(events, 'invoice.paid');
    expect(invoice).toMatchObject({ billing_reason: 'subscription_cycle', status: 'paid', period_start: oldStart, period_end: oldEnd });
    expect(invoice.lines.data[0]?.period).toEqual({ start: oldEnd, end: YEAR_AFTER(oldEnd) });
    expect(invoice.parent?.subscription_details).toMatchObject({ subscription: subscription.id, metadata: { member_id: '7' } });
    expect(renewed.latest_invoice).toBe(invoice.id);
    const previous = events[0]?.data.previous_attributes ?? {};
    expect(Object.keys(previous).sort()).toEqual(['items', 'latest_invoice']);
  });

  it('fails a renewal into past_due, retries on the same invoice, then recovers', async () => {
    const subscription = await activeSubscription();
    const failed = fake.failInvoicePayment(subscription.id);
    expect(failed.map((e) => e.type)).toEqual([
      'customer.subscription.updated', 'invoice.created', 'invoice.finalized', 'charge.failed', 'payment_intent.payment_failed',
      'invoice.payment_failed', 'customer.subscription.updated',
    ]);
    expect(failed.at(-1)?.data.previous_attributes).toEqual({ status: 'active' });
    const open = invoiceOf(failed, 'invoice.payment_failed');
    expect(open).toMatchObject({ status: 'open', attempt_count: 1, amount_paid: 0 });
    expect(fake.store.subscriptions.get(subscription.id)?.status).toBe('past_due');

    const retry = fake.failInvoicePayment(subscription.id);
    expect(retry.map((e) => e.type)).toEqual(['charge.failed', 'payment_intent.payment_failed', 'invoice.payment_failed']);
    expect(invoiceOf(retry, 'invoice.payment_failed')).toMatchObject({ id: open.id, attempt_count: 2 });

    const recovered = fake.payOpenInvoice(subscription.id);
    expect(invoiceOf(recovered, 'invoice.paid')).toMatchObject({ id: open.id, status: 'paid', attempt_count: 3 });
    expect(recovered.at(-1)?.data.previous_attributes).toEqual({ status: 'past_due' });
    const listed = await stripe.subscriptions.list({ status: 'active' });
    expect(listed.data.map((s) => s.id)).toEqual([subscription.id]);
  });

  it('cancels at period end through the API, then ends on renewal', async () => {
    const subscription = await activeSubscription();
    const periodEnd = subscription.items.data[0]?.current_period_end;
    const updated = await stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true, metadata: { reason: 'moving' } }, { idempotencyKey: 'cancel-7' });
    expect(updated).toMatchObject({ cancel_at_period_end: true, cancel_at: periodEnd, status: 'active' });
    const event = fake.events.at(-1);
    expect(event?.type).toBe('customer.subscription.updated');
    expect(event?.request).toEqual({ id: expect.stringMatching(/^req_/), idempotency_key: 'cancel-7' });
    expect(event?.data.previous_attributes).toEqual({ cancel_at: null, cancel_at_period_end: false, canceled_at: null, metadata: { reason: null } });

    const ended = fake.renewSubscription(subscription.id);
    expect(ended.map((e) => e.type)).toEqual(['customer.subscription.deleted']);
    expect(await stripe.subscriptions.list()).toMatchObject({ data: [] });
    const all = await stripe.subscriptions.list({ status: 'all', customer: subscription.customer });
    expect(all.data.map((s) => [s.id, s.status])).toEqual([[subscription.id, 'canceled']]);
    await expect(stripe.subscriptions.cancel(subscription.id)).rejects.toMatchObject({ type: 'StripeInvalidRequestError' });
  });

  it('cancels immediately with DELETE', async () => {
    const subscription = await activeSubscription();
    const canceled = await stripe.subscriptions.cancel(subscription.id);
    expect(canceled).toMatchObject({ status: 'canceled', ended_at: expect.any(Number), cancellation_details: { reason: 'cancellation_requested' } });
    expect(fake.events.at(-1)?.type).toBe('customer.subscription.deleted');
  });

  it('expands through invoices to the payment intent and charge', async () => {
    const subscription = await activeSubscription();
    const retrieved = await stripe.subscriptions.retrieve(subscription.id, { expand: ['latest_invoice.payments', 'customer'] });
    const invoice = retrieved.latest_invoice as Stripe.Invoice;
    expect((retrieved.customer as Stripe.Customer).email).toBe('grace@example.test');
    const intentId = invoice.payments?.data[0]?.payment.payment_intent;
    expect(intentId).toMatch(/^pi_/);
    const intent = await stripe.paymentIntents.retrieve(String(intentId), { expand: ['latest_charge'] });
    expect(intent.latest_charge).toMatchObject({ object: 'charge', amount: 12_000, paid: true, payment_intent: intentId });
    const invoices = await stripe.invoices.list({ subscription: subscription.id, expand: ['data.customer'] });
    expect(invoices.data.map((i) => (i.customer as Stripe.Customer).id)).toEqual([subscription.customer]);
    await expect(stripe.subscriptions.retrieve(subscription.id, { expand: ['status'] })).rejects.toMatchObject({ statusCode: 400 });
  });

  it('expires an open checkout session through the API', async () => {
    const { price } = await createDuesPrice(stripe);
    const session = await stripe.checkout.sessions.create({ mode: 'subscription', line_items: [{ price: price.id, quantity: 1 }], success_url: 'https://guildhall.test/ok' });
    const expired = await stripe.checkout.sessions.expire(session.id);
    expect(expired).toMatchObject({ status: 'expired', url: null });
    expect(fake.events.at(-1)).toMatchObject({ type: 'checkout.session.expired', data: { object: { id: session.id, status: 'expired' } } });
    expect(() => fake.completeCheckoutSession(session.id)).toThrow(/expired/);
  });

  it('validates checkout sessions like Stripe', async () => {
    const { price } = await createDuesPrice(stripe);
    await expect(
      stripe.checkout.sessions.create({ mode: 'payment', line_items: [{ price: price.id, quantity: 1 }], success_url: 'https://guildhall.test/ok' }),
    ).rejects.toMatchObject({ statusCode: 400, param: 'line_items' });
    await expect(
      stripe.checkout.sessions.create({ mode: 'subscription', line_items: [{ price: 'price_missing', quantity: 1 }], success_url: 'https://guildhall.test/ok' }),
    ).rejects.toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'line_items[0][price]' });
    await expect(
      stripe.checkout.sessions.create({ mode: 'subscription', line_items: [{ price: price.id, quantity: 1 }], expires_at: fake.now() + 60 }),
    ).rejects.toMatchObject({ statusCode: 400, param: 'expires_at' });
    expect(fake.store.checkoutSessions.size).toBe(0);
  });

  it('answers a lost response: executed once, replayed on retry with the same key', async () => {
    fake.failNext({ method: 'POST', path: '/v1/customers', status: 500, afterProcessing: true });
    const create = () => stripe.customers.create({ email: 'lost@example.test' }, { idempotencyKey: 'member-9' });
    await expect(create()).rejects.toMatchObject({ statusCode: 500 });
    const retried = await create();
    expect(fake.store.customers.size).toBe(1);
    expect(fake.store.customers.has(retried.id)).toBe(true);
    expect(fake.requests.map((r) => r.replayed)).toEqual([false, true]);
  });
});
