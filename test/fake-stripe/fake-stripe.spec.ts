import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import Stripe from 'stripe';
import { STRIPE_API_VERSION, signWebhookPayload, startFakeStripe, type FakeStripe } from './index.js';
import { createDuesPrice, startWebhookReceiver, type WebhookReceiver } from './spec-support.js';

const SECRET = 'whsec_test_spec';

describe('fake Stripe driven by the real SDK', () => {
  let fake: FakeStripe;
  let receiver: WebhookReceiver;
  let stripe: Stripe;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    fake = await startFakeStripe({ webhookUrl: receiver.url, webhookSecret: SECRET, autoDeliverWebhooks: true });
    stripe = fake.client({ maxNetworkRetries: 0 });
  });

  afterAll(async () => {
    await fake.close();
    await receiver.close();
  });

  beforeEach(async () => {
    await fake.waitForWebhooks();
    fake.reset();
    receiver.received.length = 0;
  });

  async function subscriptionSession(): Promise<Stripe.Checkout.Session> {
    const { price } = await createDuesPrice(stripe);
    const customer = await stripe.customers.create({ email: 'ada@example.test', name: 'Ada' });
    return stripe.checkout.sessions.create({
      mode: 'subscription',
      customer: customer.id,
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: 'https://guildhall.test/dues/thanks?session={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://guildhall.test/dues',
      client_reference_id: 'member-42',
      subscription_data: { metadata: { member_id: '42' } },
    });
  }

  it('pins the API version the SDK sends', async () => {
    await stripe.customers.create({ email: 'a@example.test' });
    expect(STRIPE_API_VERSION).toBe(Stripe.API_VERSION);
    expect(fake.requests.map((r) => r.stripeVersion)).toEqual([STRIPE_API_VERSION]);
  });

  it('creates a customer, product, price and checkout session with Stripe shapes', async () => {
    const session = await subscriptionSession();
    expect(session.id).toMatch(/^cs_test_/);
    expect(session).toMatchObject({ object: 'checkout.session', status: 'open', payment_status: 'unpaid', livemode: false, mode: 'subscription', amount_total: 12_000, currency: 'eur', client_reference_id: 'member-42' });
    expect(session.url).toBe(`${fake.url}/c/pay/${session.id}`);
    expect(session.customer).toMatch(/^cus_/);
    const withItems = await stripe.checkout.sessions.retrieve(session.id, { expand: ['line_items', 'customer'] });
    expect(withItems.line_items?.data.map((item) => [item.price?.lookup_key, item.quantity])).toEqual([['dues_yearly', 1]]);
    expect((withItems.customer as Stripe.Customer).email).toBe('ada@example.test');
    const prices = await stripe.prices.list({ lookup_keys: ['dues_yearly'] });
    expect(prices.data.map((p) => p.product)).toEqual(['prod_guildhall_dues']);
    const posted = fake.requests.find((r) => r.path === '/v1/checkout/sessions');
    expect(posted?.body).toMatchObject({ line_items: { '0': { quantity: '1' } }, subscription_data: { metadata: { member_id: '42' } } });
  });

  it('refuses a product id that already exists', async () => {
    await stripe.products.create({ id: 'prod_seat', name: 'Seat' });
    await expect(stripe.products.create({ id: 'prod_seat', name: 'Seat again' })).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 400,
      code: 'resource_already_exists',
    });
  });

  it('replays an idempotent POST instead of creating a second object', async () => {
    const { price } = await createDuesPrice(stripe);
    const params: Stripe.Checkout.SessionCreateParams = { mode: 'subscription', line_items: [{ price: price.id, quantity: 1 }], success_url: 'https://guildhall.test/ok' };
    const first = await stripe.checkout.sessions.create(params, { idempotencyKey: 'dues-42-2026' });
    const second = await stripe.checkout.sessions.create(params, { idempotencyKey: 'dues-42-2026' });
    expect(second.id).toBe(first.id);
    expect(fake.store.checkoutSessions.size).toBe(1);
    const attempts = fake.requests.filter((r) => r.idempotencyKey === 'dues-42-2026');
    expect(attempts.map((r) => r.replayed)).toEqual([false, true]);
    await expect(
      stripe.checkout.sessions.create({ ...params, success_url: 'https://guildhall.test/other' }, { idempotencyKey: 'dues-42-2026' }),
    ).rejects.toMatchObject({ type: 'StripeIdempotencyError' });
  });

  it('fails the next calls on demand and does not store the failure for the idempotency key', async () => {
    fake.failNext({ method: 'POST', path: '/v1/customers', status: 500, times: 2 });
    const create = () => stripe.customers.create({ email: 'b@example.test' }, { idempotencyKey: 'member-7' });
    await expect(create()).rejects.toMatchObject({ type: 'StripeAPIError', statusCode: 500 });
    await expect(create()).rejects.toMatchObject({ type: 'StripeAPIError', statusCode: 500 });
    expect(fake.store.customers.size).toBe(0);
    const customer = await create();
    expect(customer.email).toBe('b@example.test');
    expect(fake.requests.map((r) => [r.status, r.injectedFailure, r.replayed])).toEqual([
      [500, true, false],
      [500, true, false],
      [200, false, false],
    ]);
  });

  it('lets the SDK retry through injected failures with one object created', async () => {
    const retrying = fake.client({ maxNetworkRetries: 2 });
    fake.failNext({ method: 'POST', path: /^\/v1\/customers$/, status: 500, times: 2 });
    const customer = await retrying.customers.create({ email: 'c@example.test' });
    expect(fake.store.customers.size).toBe(1);
    expect(fake.store.customers.get(customer.id)?.email).toBe('c@example.test');
    const keys = fake.requests.map((r) => r.idempotencyKey);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
  });

  it('hangs past the SDK timeout so the SDK raises StripeConnectionError', async () => {
    const impatient = fake.client({ maxNetworkRetries: 0, timeout: 200 });
    fake.failNext({ method: 'GET', path: '/v1/customers', timeoutMs: 1_000 });
    const error = await impatient.customers.list().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    await expect(impatient.customers.list()).resolves.toMatchObject({ object: 'list', data: [] });
  });

  it('completing a subscription checkout emits the documented events and delivers them signed', async () => {
    const session = await subscriptionSession();
    const events = fake.completeCheckoutSession(session.id);
    expect(events.map((e) => e.type)).toEqual([
      'customer.subscription.created', 'invoice.created', 'invoice.finalized', 'charge.succeeded', 'payment_intent.succeeded',
      'invoice_payment.paid', 'invoice.paid', 'invoice.payment_succeeded', 'checkout.session.completed',
    ]);
    const created = events.map((e) => e.created);
    expect(created).toEqual([...created].sort((a, b) => a - b));
    expect(new Set(created).size).toBe(created.length);
    expect(events.every((e) => e.api_version === STRIPE_API_VERSION && e.id.startsWith('evt_'))).toBe(true);

    const completed = await stripe.checkout.sessions.retrieve(session.id, { expand: ['subscription'] });
    expect(completed).toMatchObject({ status: 'complete', payment_status: 'paid', url: null });
    const subscription = completed.subscription as Stripe.Subscription;
    expect(subscription).toMatchObject({ status: 'active', metadata: { member_id: '42' } });
    const item = subscription.items.data[0];
    expect(item?.current_period_end).toBeGreaterThan(item?.current_period_start ?? Infinity);

    const paid = events.find((e) => e.type === 'invoice.paid')?.data.object as Stripe.Invoice;
    expect(paid.parent?.subscription_details?.subscription).toBe(subscription.id);
    expect(paid.lines.data[0]?.period.end).toBe(item?.current_period_end);
    expect(paid).toMatchObject({ status: 'paid', amount_paid: 12_000, billing_reason: 'subscription_create' });

    await fake.waitForWebhooks();
    const delivered = receiver.received.map((w) => stripe.webhooks.constructEvent(w.payload, w.signature, SECRET));
    expect(delivered.map((e) => e.id)).toEqual(fake.events.map((e) => e.id));
    expect(delivered.slice(-events.length).map((e) => e.type)).toEqual(events.map((e) => e.type));
    expect(fake.deliveries.every((d) => d.status === 200)).toBe(true);
    expect(fake.events.every((e) => e.pending_webhooks === 0)).toBe(true);
  });

  it('refuses refunds beyond what is left on the charge', async () => {
    const product = await stripe.products.create({ name: 'Gala dinner seat' });
    const price = await stripe.prices.create({ product: product.id, unit_amount: 5_000, currency: 'eur' });
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: price.id, quantity: 2 }],
      success_url: 'https://guildhall.test/ok',
      payment_intent_data: { metadata: { registration_id: 'r-1' } },
    });
    fake.completeCheckoutSession(session.id, { email: 'guest@example.test' });
    const intentId = fake.store.checkoutSessions.get(session.id)?.payment_intent ?? '';
    const intent = await stripe.paymentIntents.retrieve(intentId, { expand: ['latest_charge'] });
    expect(intent).toMatchObject({ status: 'succeeded', amount: 10_000, metadata: { registration_id: 'r-1' } });

    await stripe.refunds.create({ payment_intent: intentId, amount: 4_000 });
    await expect(stripe.refunds.create({ payment_intent: intentId, amount: 6_001 })).rejects.toMatchObject({
      type: 'StripeInvalidRequestError', code: 'amount_too_large', param: 'amount',
    });
    await stripe.refunds.create({ payment_intent: intentId });
    await expect(stripe.refunds.create({ payment_intent: intentId, amount: 1 })).rejects.toMatchObject({ code: 'charge_already_refunded' });

    const chargeId = (intent.latest_charge as Stripe.Charge).id;
    expect(await stripe.charges.retrieve(chargeId)).toMatchObject({ amount_refunded: 10_000, refunded: true });
    const refunded = fake.events.filter((e) => e.type === 'charge.refunded');
    expect(refunded.map((e) => e.data.previous_attributes)).toEqual([
      { amount_refunded: 0 },
      { amount_refunded: 4_000, refunded: false },
    ]);
  });

  it('lists events newest first with created[gte] and starting_after', async () => {
    const session = await subscriptionSession();
    const setupEvents = fake.events.length;
    const before = fake.advanceClock(3_600);
    const completion = fake.completeCheckoutSession(session.id);
    const all = await stripe.events.list({ limit: 100 });
    expect(all.data.map((e) => e.id)).toEqual([...fake.events].reverse().map((e) => e.id));
    expect(all.data).toHaveLength(setupEvents + completion.length);

    const page1 = await stripe.events.list({ limit: 4, created: { gte: before } });
    expect(page1.has_more).toBe(true);
    const page2 = await stripe.events.list({ limit: 4, created: { gte: before }, starting_after: page1.data.at(-1)?.id });
    const page3 = await stripe.events.list({ limit: 4, created: { gte: before }, starting_after: page2.data.at(-1)?.id });
    expect(page3.has_more).toBe(false);
    const paged = [...page1.data, ...page2.data, ...page3.data].map((e) => e.id);
    expect(paged).toEqual([...completion].reverse().map((e) => e.id));

    const invoicePaid = await stripe.events.list({ type: 'invoice.paid' });
    expect(invoicePaid.data.map((e) => e.type)).toEqual(['invoice.paid']);
    const invoiceAny = await stripe.events.list({ types: ['invoice.created', 'invoice.finalized'] });
    expect(invoiceAny.data.map((e) => e.type).sort()).toEqual(['invoice.created', 'invoice.finalized']);
    const later = await stripe.events.list({ created: { gt: fake.events.at(-1)?.created ?? 0 } });
    expect(later.data).toEqual([]);
  });

  it('signs hand-made deliveries that the SDK verifies, and only with the right secret', () => {
    const payload = JSON.stringify({ id: 'evt_hand_made', object: 'event', type: 'invoice.paid' });
    const header = signWebhookPayload(payload, SECRET);
    expect(stripe.webhooks.constructEvent(payload, header, SECRET).id).toBe('evt_hand_made');
    expect(() => stripe.webhooks.constructEvent(payload, signWebhookPayload(payload, 'whsec_wrong'), SECRET)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    const stale = signWebhookPayload(payload, SECRET, Math.floor(Date.now() / 1000) - 3_600);
    expect(() => stripe.webhooks.constructEvent(payload, stale, SECRET)).toThrow(/timestamp outside the tolerance zone/i);
  });

  it('answers unknown routes and missing keys with Stripe-shaped errors', async () => {
    const unknown = await fetch(`${fake.url}/v1/nope`, { headers: { Authorization: 'Bearer sk_test_x' } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { type: 'invalid_request_error', message: expect.stringContaining('Unrecognized request URL') } });
    const anonymous = await fetch(`${fake.url}/v1/customers`);
    expect(anonymous.status).toBe(401);
  });
});
