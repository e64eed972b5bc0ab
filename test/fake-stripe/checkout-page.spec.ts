import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type Stripe from 'stripe';
import { startFakeStripe, type FakeStripe } from './index.js';
import { startWebhookReceiver, type WebhookReceiver } from './spec-support.js';

describe('fake Stripe pages and hand-driven webhooks', () => {
  let fake: FakeStripe;
  let stripe: Stripe;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    fake = await startFakeStripe({ webhookUrl: receiver.url, webhookSecret: 'whsec_page', autoDeliverWebhooks: true });
    stripe = fake.client({ maxNetworkRetries: 0 });
  });

  afterAll(async () => {
    await fake.close();
    await receiver.close();
  });

  async function seatSession(): Promise<Stripe.Checkout.Session> {
    const product = await stripe.products.create({ name: '<b>Gala</b> & dinner' });
    const price = await stripe.prices.create({ product: product.id, unit_amount: 4_550, currency: 'eur' });
    return stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: 'https://guildhall.test/events/1/paid?session={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://guildhall.test/events/1?x="y"',
    });
  }

  it('serves an escaped test checkout page whose Pay button completes, delivers and redirects', async () => {
    const session = await seatSession();
    const page = await fetch(session.url ?? '');
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('Test double — this is not Stripe');
    expect(html).toContain('&lt;b&gt;Gala&lt;/b&gt; &amp; dinner');
    expect(html).not.toContain('<b>Gala</b>');
    expect(html).toContain('€45.50');
    expect(html).toContain('href="https://guildhall.test/events/1?x=&quot;y&quot;"');

    receiver.received.length = 0;
    const paid = await fetch(session.url ?? '', {
      method: 'POST',
      body: new URLSearchParams({ email: 'guest@example.test', name: 'Guest' }),
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`https://guildhall.test/events/1/paid?session=${session.id}`);
    const stored = fake.store.checkoutSessions.get(session.id);
    expect(stored).toMatchObject({ status: 'complete', payment_status: 'paid', customer_details: { email: 'guest@example.test', name: 'Guest' } });
    expect(receiver.received.map((w) => JSON.parse(w.payload).type)).toEqual(['charge.succeeded', 'payment_intent.succeeded', 'checkout.session.completed']);

    const again = await fetch(session.url ?? '');
    expect(again.status).toBe(410);
  });

  it('lets a test deliver events itself, in any order and with any timestamp', async () => {
    const session = await seatSession();
    await fake.waitForWebhooks();
    const events = fake.completeCheckoutSession(session.id);
    await fake.waitForWebhooks();
    receiver.received.length = 0;
    for (const event of [...events].reverse()) await fake.deliverEvent(event);
    expect(receiver.received.map((w) => JSON.parse(w.payload).id)).toEqual([...events].reverse().map((e) => e.id));

    const stale = Math.floor(Date.now() / 1000) - 3_600;
    const last = events.at(-1);
    if (!last) throw new Error('no events');
    const delivery = await fake.deliverEvent(last.id, { timestamp: stale });
    expect(delivery.signature).toMatch(new RegExp(`^t=${stale},v1=`));
    expect(() => stripe.webhooks.constructEvent(delivery.payload, delivery.signature, 'whsec_page')).toThrow(/tolerance/);
  });

  it('creates billing portal sessions with a page at their url', async () => {
    const customer = await stripe.customers.create({ email: 'portal@example.test' });
    const portal = await stripe.billingPortal.sessions.create({ customer: customer.id, return_url: 'https://guildhall.test/account' });
    expect(portal).toMatchObject({ object: 'billing_portal.session', customer: customer.id, livemode: false });
    expect(portal.id).toMatch(/^bps_/);
    const page = await fetch(portal.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('href="https://guildhall.test/account"');
    await expect(stripe.billingPortal.sessions.create({ customer: 'cus_missing' })).rejects.toMatchObject({ code: 'resource_missing' });
  });
});
