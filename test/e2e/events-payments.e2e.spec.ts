import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EventLifecycleService } from '../../libs/events/src/index.js';
import { FakeStripe, startFakeStripe } from '../fake-stripe/index.js';
import { ACCEPT_OFFER, CANCEL_REGISTRATION, createEvent, mailTo, register, seatState } from '../factories/events.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { countQueries, dataStatements } from '../utils/count-queries.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

const SECRET = 'whsec_events_test';
const MINUTE = 60_000;

describe('events: paid seats through Stripe Checkout (fake Stripe, real SDK, signed webhooks)', () => {
  let fake: FakeStripe;
  let t: TestApp;
  let admin: TestUser;
  let lifecycle: EventLifecycleService;
  beforeAll(async () => {
    fake = await startFakeStripe();
    t = await startTestApp({ STRIPE_SECRET_KEY: 'sk_test_events', STRIPE_WEBHOOK_SECRET: SECRET, STRIPE_API_URL: fake.url });
    fake.configureWebhooks({ url: `${t.url}/webhooks/stripe`, secret: SECRET });
    admin = await createAdminUser(t);
    lifecycle = t.app.get(EventLifecycleService);
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  const paidEvent = (capacity: number) => createEvent(t, admin, { capacity, memberPrice: 2000, nonMemberPrice: 3000 });
  const reg = async (id: string) => (await t.sql(`SELECT * FROM event_registrations WHERE id = $1`, [id]))[0];
  const sessionOf = async (registrationId: string) => (await reg(registrationId)).checkout_session_id as string;
  const pay = async (registrationId: string) => {
    fake.completeCheckoutSession(await sessionOf(registrationId));
    await fake.waitForWebhooks();
  };
  const expireHold = (id: string) => t.sql(`UPDATE event_registrations SET hold_expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
  const expireOffer = (id: string) => t.sql(`UPDATE event_registrations SET offer_expires_at = now() - interval '1 second' WHERE id = $1`, [id]);

  it('holds a paid seat as PENDING_PAYMENT with a 30-minute Checkout Session, and confirms it when paid (once)', async () => {
    const eventId = await paidEvent(3);
    const person = await signUpUser(t);
    const held = (await register(t, person, eventId)).data!.registerForEvent;
    expect(held).toMatchObject({ status: 'PENDING_PAYMENT', price: { amount: 3000, currency: 'USD' } });
    expect(held.checkoutUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/c\/pay\/cs_test_/);
    const holdMinutes = (new Date(held.holdExpiresAt).getTime() - Date.now()) / MINUTE;
    expect(holdMinutes).toBeGreaterThan(30);
    expect(holdMinutes).toBeLessThan(32);
    const session = fake.store.checkoutSessions.get(await sessionOf(held.id))!;
    expect(session).toMatchObject({ mode: 'payment', amount_total: 3000, currency: 'usd', metadata: { purpose: 'EVENT', registrationId: held.id } });
    expect(session.expires_at).toBe(Math.floor(new Date(held.holdExpiresAt).getTime() / 1000));

    const heldSession = await sessionOf(held.id);
    const paying = await countQueries(async () => {
      fake.completeCheckoutSession(heldSession);
      await fake.waitForWebhooks();
    }, dataStatements);
    const confirmed = await reg(held.id);
    expect(confirmed).toMatchObject({ status: 'CONFIRMED', hold_expires_at: null, offer_expires_at: null, checkout_url: null });
    expect(confirmed.confirmed_at.getTime()).toBeGreaterThan(confirmed.created_at.getTime());
    expect(confirmed.updated_at.getTime()).toBeGreaterThanOrEqual(confirmed.confirmed_at.getTime() - 1000);
    // The event locked through the registration (no read of it before), the seat confirmed in one UPDATE (no re-read).
    expect(paying.statements.filter((sql) => /FROM "?event_registrations"?/.test(sql) && !/FOR UPDATE|FOR NO KEY UPDATE/.test(sql))).toEqual([]);
    expect(paying.statements.filter((sql) => /UPDATE "?event_registrations"?/.test(sql))).toHaveLength(1);
    // Beyond each delivered event's check and claim: the event and registration locks, the seat's payment, the ledger's
    // row (written unless recorded), the webhook subscriptions of payment.succeeded, the person's contact, the
    // confirmation, its email (with its job), the subscriptions of event.registration.confirmed. 12 before: a read
    // before the lock, the ledger's check before its insert, a re-read to save.
    expect(paying.statements.filter((sql) => !/stripe_events/.test(sql))).toHaveLength(9);
    const payments = await t.sql(`SELECT status, amount, currency FROM event_payments WHERE registration_id = $1`, [held.id]);
    expect(payments).toEqual([{ status: 'PAID', amount: 3000, currency: 'USD' }]);
    // The seat is in the platform's payments ledger too, shared with dues.
    const mine = await t.gql(`{ myPayments(first: 5) { edges { node { purpose status amount { amount currency } } } } }`, {}, person.accessToken);
    expect(mine.data!.myPayments.edges.map((e: { node: unknown }) => e.node)).toEqual([{ purpose: 'EVENT', status: 'SUCCEEDED', amount: { amount: 3000, currency: 'USD' } }]);
    expect(await mailTo(t, person.id, 'event-registration-confirmed')).toHaveLength(1);
    // Stripe delivers again: nothing changes.
    const completed = fake.events.find((e) => e.type === 'checkout.session.completed' && (e.data.object as { id: string }).id === session.id)!;
    expect((await fake.deliverEvent(completed)).status).toBe(200);
    expect(await t.sql(`SELECT count(*)::int AS n FROM event_payments WHERE registration_id = $1`, [held.id])).toEqual([{ n: 1 }]);
  });

  it('an unpaid hold is released when it expires; the next in line is offered the seat for 24 hours, accepts and pays', async () => {
    const eventId = await paidEvent(1);
    const [first, second] = [await signUpUser(t), await signUpUser(t)];
    const held = (await register(t, first, eventId)).data!.registerForEvent;
    const queued = (await register(t, second, eventId)).data!.registerForEvent;
    expect(queued).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1, checkoutUrl: null });
    await expireHold(held.id);
    expect(await lifecycle.lapseDue()).toEqual({ lapsed: 1, promoted: 1 });
    expect(await reg(held.id)).toMatchObject({ status: 'CANCELLED', end_reason: 'HOLD_EXPIRED' });
    expect(await mailTo(t, first.id, 'event-hold-expired')).toHaveLength(1);
    const offered = await reg(queued.id);
    expect(offered.status).toBe('OFFERED');
    const windowHours = (new Date(offered.offer_expires_at).getTime() - Date.now()) / 3_600_000;
    expect(windowHours).toBeGreaterThan(23.9);
    expect(windowHours).toBeLessThanOrEqual(24);
    expect(await mailTo(t, second.id, 'event-seat-offered')).toHaveLength(1);
    // The released hold's payment page is closed by a job.
    await t.runJobs();
    expect(fake.store.checkoutSessions.get(await sessionOf(held.id))!.status).toBe('expired');

    expect(errorCode(await t.gql(ACCEPT_OFFER, { id: queued.id }, first.accessToken))).toBe('NOT_FOUND');
    const accepted = (await t.gql(ACCEPT_OFFER, { id: queued.id }, second.accessToken)).data!.acceptWaitlistOffer;
    expect(accepted.status).toBe('PENDING_PAYMENT');
    expect(accepted.checkoutUrl).toContain('/c/pay/');
    // Asking again answers the same page.
    expect((await t.gql(ACCEPT_OFFER, { id: queued.id }, second.accessToken)).data!.acceptWaitlistOffer.checkoutUrl).toBe(accepted.checkoutUrl);
    await pay(queued.id);
    expect((await reg(queued.id)).status).toBe('CONFIRMED');
    expect(await seatState(t, eventId)).toEqual({ seatsTaken: 1, waitlistCount: 0, seats: 1, waitlisted: 0 });
  });

  it('a payment that arrives after its hold lapsed is refunded automatically and the person told', async () => {
    const eventId = await paidEvent(2);
    const person = await signUpUser(t);
    const held = (await register(t, person, eventId)).data!.registerForEvent;
    await expireHold(held.id);
    await lifecycle.lapseDue();
    await pay(held.id); // the customer was still on the page
    const [payment] = await t.sql(`SELECT id, status FROM event_payments WHERE registration_id = $1`, [held.id]);
    expect(payment.status).toBe('REFUND_PENDING');
    expect(await mailTo(t, person.id, 'event-late-payment-refunded')).toHaveLength(1);
    await t.runJobs();
    expect((await t.sql(`SELECT status, refund_id FROM event_payments WHERE id = $1`, [payment.id]))[0]).toMatchObject({ status: 'REFUNDED' });
    const intent = fake.store.checkoutSessions.get(await sessionOf(held.id))!.payment_intent;
    const refunds = [...fake.store.refunds.values()].filter((r) => r.payment_intent === intent);
    expect(refunds).toHaveLength(1);
    expect(refunds[0].amount).toBe(3000);
    expect((await reg(held.id)).status).toBe('CANCELLED');
  });

  it('an offer that lapses passes to the next person and re-queues its person once; a second lapse cancels', async () => {
    const eventId = await paidEvent(1);
    const [a, b, c] = [await signUpUser(t), await signUpUser(t), await signUpUser(t)];
    const ra = (await register(t, a, eventId)).data!.registerForEvent;
    await pay(ra.id);
    const rb = (await register(t, b, eventId)).data!.registerForEvent;
    const rc = (await register(t, c, eventId)).data!.registerForEvent;
    await t.gql(CANCEL_REGISTRATION, { id: ra.id }, a.accessToken); // paid seat: refunded
    await t.runJobs();
    expect((await t.sql(`SELECT status FROM event_payments WHERE registration_id = $1`, [ra.id]))[0].status).toBe('REFUNDED');
    expect((await reg(rb.id)).status).toBe('OFFERED');

    await expireOffer(rb.id);
    await lifecycle.lapseDue();
    expect(await reg(rb.id)).toMatchObject({ status: 'WAITLISTED', end_reason: 'OFFER_LAPSED' });
    expect((await reg(rc.id)).status).toBe('OFFERED');
    expect((await mailTo(t, b.id, 'event-offer-lapsed'))[0].bodyText).toContain('back at the end of the waitlist');

    await expireOffer(rc.id);
    await lifecycle.lapseDue();
    expect((await reg(rb.id)).status).toBe('OFFERED'); // B's second offer
    await expireOffer(rb.id);
    await lifecycle.lapseDue();
    expect(await reg(rb.id)).toMatchObject({ status: 'CANCELLED', end_reason: 'OFFER_LAPSED' });
    expect((await reg(rc.id)).status).toBe('OFFERED');
    expect(await seatState(t, eventId)).toEqual({ seatsTaken: 1, waitlistCount: 0, seats: 1, waitlisted: 0 });
  });

  it('cancelling the event refunds every paid seat through Stripe and tells everyone', async () => {
    const eventId = await paidEvent(3);
    const people = await Promise.all([0, 1, 2, 3].map(() => signUpUser(t)));
    const regs = [];
    for (const person of people) regs.push((await register(t, person, eventId)).data!.registerForEvent);
    await pay(regs[0].id);
    await pay(regs[1].id); // regs[2] is still held, regs[3] waitlisted
    const cancelled = await t.gql(`mutation($id: ID!) { cancelEvent(id: $id, reason: "Venue flooded") { status cancelReason seatsRemaining } }`, { id: eventId }, admin.accessToken);
    expect(cancelled.data!.cancelEvent).toEqual({ status: 'CANCELLED', cancelReason: 'Venue flooded', seatsRemaining: 3 });
    await t.runJobs();
    const payments = await t.sql(`SELECT status FROM event_payments WHERE event_id = $1`, [eventId]);
    expect(payments.map((p) => p.status)).toEqual(['REFUNDED', 'REFUNDED']);
    const ledger = await t.sql(`SELECT status, amount_refunded = amount AS whole FROM payments WHERE user_id = ANY($1) AND purpose = 'EVENT'`, [people.map((p) => p.id)]);
    expect(ledger).toEqual([{ status: 'REFUNDED', whole: true }, { status: 'REFUNDED', whole: true }]);
    for (const [index, person] of people.entries()) {
      expect((await reg(regs[index].id)).status).toBe('CANCELLED');
      const [mail] = await mailTo(t, person.id, 'event-cancelled');
      expect(mail.bodyText).toContain('Venue flooded');
      expect(mail.bodyText.includes('refunded')).toBe(index < 2);
    }
    expect(fake.store.checkoutSessions.get(await sessionOf(regs[2].id))!.status).toBe('expired');
    expect(errorCode(await register(t, people[0], eventId))).toBe('CONFLICT');
  });

  it('webhooks: a bad signature is refused, other types and dues sessions are acknowledged and ignored', async () => {
    const payload = JSON.stringify({ id: 'evt_x', object: 'event', type: 'checkout.session.completed', data: { object: {} } });
    const bad = await fetch(`${t.url}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=deadbeef' }, body: payload });
    expect(bad.status).toBe(400);
    const future = await fake.deliverEvent(fake.events[0], { timestamp: Math.floor(Date.now() / 1000) + 3600 });
    expect(future.status).toBe(400);
    const stripe = fake.client({ maxNetworkRetries: 0 });
    const dues = await stripe.checkout.sessions.create({ mode: 'payment', line_items: [{ quantity: 1, price_data: { currency: 'usd', unit_amount: 500, product_data: { name: 'Dues' } } }], metadata: { purpose: 'DUES' } });
    fake.completeCheckoutSession(dues.id);
    await fake.waitForWebhooks();
    const deliveries = fake.deliveries.filter((d) => d.payload.includes(dues.id));
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries.every((d) => d.status === 200)).toBe(true);
    expect(await t.sql(`SELECT count(*)::int AS n FROM event_payments WHERE checkout_session_id = $1`, [dues.id])).toEqual([{ n: 0 }]);
  });
});
