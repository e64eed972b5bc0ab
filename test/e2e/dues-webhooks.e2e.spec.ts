import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signWebhookPayload } from '../fake-stripe/index.js';
import {
  applicant, countRows, createTier, deliver, type DuesStack, membershipOf, ofType, payCheckout, paymentsOf, startDuesStack, WEBHOOK_SECRET,
} from '../factories/dues.js';

describe('POST /webhooks/stripe: signatures, unknown types, failures', () => {
  let s: DuesStack;
  let tier: { id: string };
  beforeAll(async () => {
    s = await startDuesStack();
    tier = await createTier(s);
  });
  afterAll(async () => {
    await s?.close();
  });

  const stored = (eventId: string) => countRows(s, `SELECT 1 FROM stripe_events WHERE stripe_event_id = $1`, [eventId]);
  const now = () => Math.floor(Date.now() / 1000);

  async function post(body: string, headers: Record<string, string>): Promise<Response> {
    return fetch(s.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  }

  it('answers 4xx to bad, missing, stale and future signatures, and stores nothing', async () => {
    const paid = await payCheckout(s, await applicant(s, tier.id));
    const event = ofType(paid.events, 'invoice.paid');
    const cases = [
      { label: 'wrong secret', delivery: await deliver(s, event, { secret: 'whsec_someone_else' }) },
      { label: 'stale (6 minutes old)', delivery: await deliver(s, event, { timestamp: now() - 360 }) },
      { label: 'future (6 minutes ahead)', delivery: await deliver(s, event, { timestamp: now() + 360 }) },
      { label: 'garbage header', delivery: await deliver(s, event, { signature: 't=abc,v1=nope' }) },
    ];
    for (const { label, delivery } of cases) expect([label, delivery.status]).toEqual([label, 400]);

    const payload = JSON.stringify(event);
    expect((await post(payload, {})).status).toBe(400); // no Stripe-Signature header
    const tampered = payload.replace(/"amount_paid":\d+/, '"amount_paid":1');
    expect(tampered).not.toBe(payload);
    expect((await post(tampered, { 'stripe-signature': signWebhookPayload(payload, WEBHOOK_SECRET) })).status).toBe(400);
    expect((await post('', { 'stripe-signature': signWebhookPayload('', WEBHOOK_SECRET) })).status).toBe(400);

    expect(await stored(event.id)).toBe(0);
    expect(await paymentsOf(s, paid.membershipId)).toHaveLength(0);
    expect((await membershipOf(s, paid)).status).toBe('PENDING_PAYMENT');
  });

  it('accepts a signature a little in the past (within 5 minutes)', async () => {
    const paid = await payCheckout(s, await applicant(s, tier.id));
    expect((await deliver(s, ofType(paid.events, 'invoice.paid'), { timestamp: now() - 120 })).status).toBe(200);
  });

  it('acknowledges unknown event types with 2xx and ignores them', async () => {
    const event = { id: 'evt_unknown_type_1', object: 'event', type: 'radar.early_fraud_warning.created', created: now(), data: { object: { id: 'issfr_1', object: 'radar.early_fraud_warning' } }, livemode: false, api_version: '2026-10-28.endive', pending_webhooks: 1, request: { id: null, idempotency_key: null } };
    const payload = JSON.stringify(event);
    const response = await post(payload, { 'stripe-signature': signWebhookPayload(payload, WEBHOOK_SECRET) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, outcome: 'ignored' });
  });

  it('acknowledges events about objects that are not ours (no membership metadata) without acting', async () => {
    const stripe = s.fake.client({ maxNetworkRetries: 0 });
    const customer = await stripe.customers.create({ email: 'shop@example.org' });
    const price = await stripe.prices.create({ product_data: { name: 'Mug' }, unit_amount: 900, currency: 'eur' } as never);
    const session = await stripe.checkout.sessions.create({ mode: 'payment', customer: customer.id, line_items: [{ price: price.id, quantity: 1 }], success_url: 'https://shop.example/ok' });
    const completed = ofType(s.fake.completeCheckoutSession(session.id), 'checkout.session.completed');
    const delivery = await deliver(s, completed);
    expect(delivery.status).toBe(200);
    expect(JSON.parse(delivery.responseBody!).outcome).toBe('ignored');
  });

  it('answers 5xx when the effect cannot be applied (Stripe unreachable), stores nothing, and applies on redelivery', async () => {
    const paid = await payCheckout(s, await applicant(s, tier.id));
    const event = ofType(paid.events, 'invoice.paid');
    s.fake.failNext({ method: 'GET', path: /^\/v1\/invoices\//, status: 500, times: 3 });
    const failed = await deliver(s, event);
    expect(failed.status).toBe(500);
    expect(await stored(event.id)).toBe(0);
    expect(await paymentsOf(s, paid.membershipId)).toHaveLength(0);

    const retried = await deliver(s, event);
    expect(retried.status).toBe(200);
    expect(await stored(event.id)).toBe(1);
    expect(await paymentsOf(s, paid.membershipId)).toHaveLength(1);
  });
});
