import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EventLifecycleService, SeatPaymentsService } from '../../libs/events/src/index.js';
import { FakeStripe, startFakeStripe } from '../fake-stripe/index.js';
import { createEvent, register } from '../factories/events.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

const SECRET = 'whsec_payments_boundary';
const RECONCILE = `mutation { reconcileStripe { eventsScanned eventsApplied paymentsRecorded failures fixes } }`;

/** Payments owns /webhooks/stripe: events go to the feature whose object it is, reconciliation replays them the same way. */
describe('payments: the one Stripe endpoint, its dispatcher and reconciliation (fake Stripe, real SDK)', () => {
  let fake: FakeStripe;
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    fake = await startFakeStripe();
    t = await startTestApp({ STRIPE_SECRET_KEY: 'sk_test_boundary', STRIPE_WEBHOOK_SECRET: SECRET, STRIPE_API_URL: fake.url });
    fake.configureWebhooks({ url: `${t.url}/webhooks/stripe`, secret: SECRET });
    admin = await createAdminUser(t);
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  const paidEvent = () => createEvent(t, admin, { capacity: 5, memberPrice: 2000, nonMemberPrice: 3000 });
  const reg = async (id: string) => (await t.sql(`SELECT * FROM event_registrations WHERE id = $1`, [id]))[0];
  const stripeReads = (objectId: string) => fake.requests.filter((r) => r.method === 'GET' && r.path.includes(objectId));
  const reconcile = async () => {
    const result = await t.gql(RECONCILE, {}, admin.accessToken);
    expect(result.errors).toBeUndefined();
    return result.data!.reconcileStripe;
  };

  it("a seat payment's events go to events only: no Stripe read and no dues work for them, one claim each", async () => {
    const person = await signUpUser(t);
    const held = (await register(t, person, await paidEvent())).data!.registerForEvent;
    const sessionId = (await reg(held.id)).checkout_session_id as string;
    const intentBefore = fake.store.checkoutSessions.get(sessionId)!.payment_intent;
    expect(intentBefore).toBeNull();
    const emitted = fake.completeCheckoutSession(sessionId);
    await fake.waitForWebhooks();
    expect((await reg(held.id)).status).toBe('CONFIRMED');
    // Dues used to read the session and its payment intent back from Stripe for every seat event.
    const intent = fake.store.checkoutSessions.get(sessionId)!.payment_intent as string;
    expect(stripeReads(sessionId)).toEqual([]);
    expect(stripeReads(intent)).toEqual([]);
    const claims = await t.sql(`SELECT type, outcome FROM stripe_events WHERE stripe_event_id = ANY($1) ORDER BY type`, [emitted.map((e) => e.id)]);
    expect(claims).toContainEqual({ type: 'checkout.session.completed', outcome: 'APPLIED' });
    expect(claims).toHaveLength(emitted.length);
    expect(await t.sql(`SELECT count(*)::int AS n FROM dues_checkout_sessions WHERE stripe_session_id = $1`, [sessionId])).toEqual([{ n: 0 }]);
  });

  it('a paid seat whose webhooks were never delivered is CONFIRMED by reconcileStripe, and a second run changes nothing', async () => {
    await reconcile(); // catch up on whatever earlier tests left
    const person = await signUpUser(t);
    const held = (await register(t, person, await paidEvent())).data!.registerForEvent;
    const sessionId = (await reg(held.id)).checkout_session_id as string;
    fake.configureWebhooks({ url: `${t.url}/webhooks/stripe`, secret: SECRET, autoDeliver: false });
    try {
      fake.completeCheckoutSession(sessionId); // paid; Stripe's webhooks are lost
    } finally {
      fake.configureWebhooks({ url: `${t.url}/webhooks/stripe`, secret: SECRET });
    }
    expect((await reg(held.id)).status).toBe('PENDING_PAYMENT');

    const first = await reconcile();
    expect(first.failures).toBe(0);
    expect(first.eventsApplied).toBeGreaterThanOrEqual(1);
    expect(first.paymentsRecorded).toBe(1);
    expect(first.fixes.join('\n')).toContain(`registration ${held.id}: seat confirmed`);
    expect((await reg(held.id)).status).toBe('CONFIRMED');
    expect(await t.sql(`SELECT status, amount FROM event_payments WHERE registration_id = $1`, [held.id])).toEqual([{ status: 'PAID', amount: 3000 }]);
    expect(await t.sql(`SELECT purpose, status FROM payments WHERE user_id = $1`, [person.id])).toEqual([{ purpose: 'EVENT', status: 'SUCCEEDED' }]);

    const second = await reconcile();
    expect(second).toMatchObject({ eventsApplied: 0, paymentsRecorded: 0, failures: 0, fixes: [] });
    expect(await t.sql(`SELECT count(*)::int AS n FROM event_payments WHERE registration_id = $1`, [held.id])).toEqual([{ n: 1 }]);
    expect(await t.sql(`SELECT count(*)::int AS n FROM payments WHERE user_id = $1`, [person.id])).toEqual([{ n: 1 }]);
  });

  it('a handler that fails answers 500 (Stripe retries) and stores nothing; the redelivery applies it once', async () => {
    const person = await signUpUser(t);
    const held = (await register(t, person, await paidEvent())).data!.registerForEvent;
    const sessionId = (await reg(held.id)).checkout_session_id as string;
    fake.configureWebhooks({ url: `${t.url}/webhooks/stripe`, secret: SECRET, autoDeliver: false });
    let completed;
    try {
      completed = fake.completeCheckoutSession(sessionId).find((e) => e.type === 'checkout.session.completed')!;
    } finally {
      fake.configureWebhooks({ url: `${t.url}/webhooks/stripe`, secret: SECRET });
    }
    await t.sql(`CREATE FUNCTION test_refuse_seat() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'seat writes refused by the test'; END $$`);
    await t.sql(`CREATE TRIGGER test_refuse_seat BEFORE INSERT ON event_payments FOR EACH ROW EXECUTE FUNCTION test_refuse_seat()`);
    try {
      const failed = await fake.deliverEvent(completed);
      expect(failed.status).toBe(500);
      expect(failed.responseBody).not.toContain('refused by the test');
    } finally {
      await t.sql(`DROP TRIGGER test_refuse_seat ON event_payments`);
      await t.sql(`DROP FUNCTION test_refuse_seat()`);
    }
    expect(await t.sql(`SELECT count(*)::int AS n FROM stripe_events WHERE stripe_event_id = $1`, [completed.id])).toEqual([{ n: 0 }]);
    expect((await reg(held.id)).status).toBe('PENDING_PAYMENT');
    expect((await fake.deliverEvent(completed)).status).toBe(200);
    expect((await reg(held.id)).status).toBe('CONFIRMED');
    expect((await fake.deliverEvent(completed)).status).toBe(200);
    expect(await t.sql(`SELECT count(*)::int AS n FROM event_payments WHERE registration_id = $1`, [held.id])).toEqual([{ n: 1 }]);
  });

  it('an event type nobody handles, or an object of an unknown purpose, is acknowledged with no Stripe read', async () => {
    const stripe = fake.client({ maxNetworkRetries: 0 });
    const other = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ quantity: 1, price_data: { currency: 'usd', unit_amount: 700, product_data: { name: 'Shop' } } }],
      metadata: { purpose: 'SHOP' },
    });
    const before = fake.requests.length;
    const emitted = fake.completeCheckoutSession(other.id);
    await fake.waitForWebhooks();
    const deliveries = fake.deliveries.filter((d) => emitted.some((e) => d.payload.includes(e.id)));
    expect(deliveries.length).toBe(emitted.length);
    expect(deliveries.every((d) => d.status === 200)).toBe(true);
    expect(fake.requests.slice(before).filter((r) => r.method === 'GET')).toEqual([]);
    const outcomes = await t.sql(`SELECT DISTINCT outcome FROM stripe_events WHERE stripe_event_id = ANY($1)`, [emitted.map((e) => e.id)]);
    expect(outcomes).toEqual([{ outcome: 'IGNORED' }]);
  });

  it("a Stripe failure's own text never reaches the client", async () => {
    const person = await signUpUser(t);
    const eventId = await paidEvent();
    fake.failNext({ method: 'POST', path: '/v1/checkout/sessions', status: 400, code: 'parameter_invalid_integer', message: 'Invalid integer: cus_SECRET_internal_42 (acct_hidden)' });
    const refused = await register(t, person, eventId);
    expect(errorCode(refused)).toBe('PAYMENT_PROVIDER_ERROR');
    const text = JSON.stringify(refused.errors);
    expect(text).not.toContain('cus_SECRET_internal_42');
    expect(text).not.toContain('acct_hidden');
    expect(text).not.toContain('Invalid integer');
  });

  it('a seat refund marks the seat payment and the ledger in one transaction: a failing ledger write leaves neither half done', async () => {
    const person = await signUpUser(t);
    const held = (await register(t, person, await paidEvent())).data!.registerForEvent;
    await t.sql(`UPDATE event_registrations SET hold_expires_at = now() - interval '1 second' WHERE id = $1`, [held.id]);
    await t.app.get(EventLifecycleService).lapseDue();
    const sessionId = (await reg(held.id)).checkout_session_id as string;
    fake.completeCheckoutSession(sessionId); // paid after the hold lapsed: to be refunded
    await fake.waitForWebhooks();
    const [payment] = await t.sql(`SELECT id, status, payment_intent_id FROM event_payments WHERE registration_id = $1`, [held.id]);
    expect(payment.status).toBe('REFUND_PENDING');
    const ledger = () => t.sql(`SELECT p.status, p.amount_refunded, (SELECT count(*)::int FROM payment_refunds r WHERE r.payment_id = p.id) AS refunds FROM payments p WHERE p.stripe_payment_intent_id = $1`, [payment.payment_intent_id]);
    const stripeRefunds = () => [...fake.store.refunds.values()].filter((r) => r.payment_intent === payment.payment_intent_id);
    const seats = t.app.get(SeatPaymentsService);

    await t.sql(`CREATE FUNCTION test_refuse_ledger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'ledger writes refused by the test'; END $$`);
    await t.sql(`CREATE TRIGGER test_refuse_ledger BEFORE UPDATE ON payments FOR EACH ROW EXECUTE FUNCTION test_refuse_ledger()`);
    try {
      await expect(seats.refund(payment.id)).rejects.toThrow(/ledger writes refused/);
    } finally {
      await t.sql(`DROP TRIGGER test_refuse_ledger ON payments`);
      await t.sql(`DROP FUNCTION test_refuse_ledger()`);
    }
    // Stripe refunded (outside the transaction), but neither our seat payment nor the ledger says so yet.
    expect(stripeRefunds()).toHaveLength(1);
    expect((await t.sql(`SELECT status, refund_id FROM event_payments WHERE id = $1`, [payment.id]))[0]).toEqual({ status: 'REFUND_PENDING', refund_id: null });
    expect(await ledger()).toEqual([{ status: 'SUCCEEDED', amount_refunded: 0, refunds: 0 }]);

    // The retry repeats the same Stripe call (same idempotency key: no second refund) and books both.
    await seats.refund(payment.id);
    expect(stripeRefunds()).toHaveLength(1);
    expect((await t.sql(`SELECT status, refund_id FROM event_payments WHERE id = $1`, [payment.id]))[0]).toEqual({ status: 'REFUNDED', refund_id: stripeRefunds()[0].id });
    expect(await ledger()).toEqual([{ status: 'REFUNDED', amount_refunded: 3000, refunds: 1 }]);
    await seats.refund(payment.id); // done already: nothing changes
    expect(await ledger()).toEqual([{ status: 'REFUNDED', amount_refunded: 3000, refunds: 1 }]);
  });

  it("a refund made in Stripe's dashboard on a seat's charge reaches the ledger (charge.refunded goes to events' table, applied by payments)", async () => {
    const person = await signUpUser(t);
    const held = (await register(t, person, await paidEvent())).data!.registerForEvent;
    const sessionId = (await reg(held.id)).checkout_session_id as string;
    fake.completeCheckoutSession(sessionId);
    await fake.waitForWebhooks();
    const intent = fake.store.checkoutSessions.get(sessionId)!.payment_intent as string;
    await fake.client({ maxNetworkRetries: 0 }).refunds.create({ payment_intent: intent, amount: 1000 });
    await fake.waitForWebhooks();
    expect(await t.sql(`SELECT status, amount_refunded FROM payments WHERE stripe_payment_intent_id = $1`, [intent])).toEqual([{ status: 'PARTIALLY_REFUNDED', amount_refunded: 1000 }]);
  });
});
