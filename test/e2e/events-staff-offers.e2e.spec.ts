import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AppError, Role, StaffPermission, type Viewer } from '../../libs/core/src/index.js';
import { RegistrationsService } from '../../libs/events/src/index.js';
import { FakeStripe, startFakeStripe } from '../fake-stripe/index.js';
import { createEvent, mailTo, register, seatState } from '../factories/events.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

const SECRET = 'whsec_staff_offers';
const OFFER = `mutation($id: ID!) { offerWaitlistSeat(registrationId: $id) { id status offerExpiresAt waitlistPosition } }`;
const GRANT = `mutation($id: ID!, $p: [StaffPermission!]!) { setStaffPermissions(userId: $id, permissions: $p) { id } }`;
const HOUR = 3_600_000;

/** Staff offer a free seat to a waitlisted person: under the event lock, through the same path as automatic offers. */
describe('events: staff offer a waitlisted person a seat (real PostgreSQL, fake Stripe)', () => {
  let fake: FakeStripe;
  let t: TestApp;
  let admin: TestUser;
  let manager: TestUser;
  let registrations: RegistrationsService;

  beforeAll(async () => {
    fake = await startFakeStripe();
    t = await startTestApp({ STRIPE_SECRET_KEY: 'sk_test_offers', STRIPE_WEBHOOK_SECRET: SECRET, STRIPE_API_URL: fake.url, DB_POOL_SIZE: '10' });
    fake.configureWebhooks({ url: `${t.url}/webhooks/stripe`, secret: SECRET });
    admin = await createAdminUser(t);
    manager = await signUpUser(t, { fullName: 'Eve Manager' });
    const granted = await t.gql(GRANT, { id: manager.id, p: [StaffPermission.EVENT_MANAGER] }, admin.accessToken);
    expect(granted.errors).toBeUndefined();
    registrations = t.app.get(RegistrationsService);
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  /** A paid event with one seat, held by the first person, and `waiting` people queued behind. */
  async function fullEvent(waiting: number) {
    const eventId = await createEvent(t, manager, { capacity: 1, memberPrice: 2500, nonMemberPrice: 2500 });
    const holder = await signUpUser(t, { fullName: 'Holder' });
    const held = await register(t, holder, eventId);
    expect(held.data!.registerForEvent.status).toBe('PENDING_PAYMENT');
    const queued: Array<{ user: TestUser; registrationId: string }> = [];
    for (let i = 0; i < waiting; i++) {
      const user = await signUpUser(t, { fullName: `Waiting ${i + 1}` });
      const reg = await register(t, user, eventId);
      expect(reg.data!.registerForEvent.status).toBe('WAITLISTED');
      queued.push({ user, registrationId: reg.data!.registerForEvent.id });
    }
    return { eventId, heldId: held.data!.registerForEvent.id as string, queued };
  }

  /** One more seat, left free (as when capacity was changed outside the app): nothing promotes into it by itself. */
  const freeOneSeat = (eventId: string) => t.sql(`UPDATE events SET capacity = capacity + 1 WHERE id = $1`, [eventId]);

  it('offers the free seat to the person chosen (out of queue order), with the automatic expiry and email, audited; the next offer finds no seat', async () => {
    const { eventId, heldId, queued } = await fullEvent(2);
    const [first, second] = queued;

    // Full: nothing to offer.
    const refused = await t.gql(OFFER, { id: second!.registrationId }, manager.accessToken);
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors![0]!.extensions.reason).toBe('NO_FREE_SEAT');

    await freeOneSeat(eventId);
    const before = Date.now();
    const offered = await t.gql(OFFER, { id: second!.registrationId }, manager.accessToken);
    expect(offered.errors).toBeUndefined();
    expect(offered.data!.offerWaitlistSeat).toMatchObject({ id: second!.registrationId, status: 'OFFERED', waitlistPosition: null });
    const expires = Date.parse(offered.data!.offerWaitlistSeat.offerExpiresAt);
    // EVENTS_OFFER_WINDOW_HOURS defaults to 24, as for automatic offers.
    expect(expires).toBeGreaterThanOrEqual(before + 24 * HOUR - 1000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 24 * HOUR + 1000);
    expect((await mailTo(t, second!.user.id, 'event-seat-offered')).map((m) => m.subject)).toEqual([expect.stringContaining('A seat is yours')]);
    expect(await mailTo(t, first!.user.id, 'event-seat-offered')).toEqual([]);
    expect(await seatState(t, eventId)).toEqual({ seatsTaken: 2, waitlistCount: 1, seats: 2, waitlisted: 1 });
    const audit = await t.sql(`SELECT actor_id, action, target_id, before, after FROM audit_log WHERE action = 'event.registration.offer' AND target_id = $1`, [second!.registrationId]);
    expect(audit).toEqual([
      { actor_id: manager.id, action: 'event.registration.offer', target_id: second!.registrationId, before: { status: 'WAITLISTED' }, after: { status: 'OFFERED', offerExpiresAt: new Date(expires).toISOString() } },
    ]);
    // The person offered accepts as with any offer: their payment page opens.
    const accepted = await t.gql(`mutation($id: ID!) { acceptWaitlistOffer(registrationId: $id) { status checkoutUrl } }`, { id: second!.registrationId }, second!.user.accessToken);
    expect(accepted.data!.acceptWaitlistOffer).toMatchObject({ status: 'PENDING_PAYMENT', checkoutUrl: expect.stringContaining('http') });

    // No seat left for the first in line; nothing changed.
    const again = await t.gql(OFFER, { id: first!.registrationId }, manager.accessToken);
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NO_FREE_SEAT' });
    expect(await seatState(t, eventId)).toEqual({ seatsTaken: 2, waitlistCount: 1, seats: 2, waitlisted: 1 });

    // Only waitlisted registrations can be offered; unknown and malformed ids are told apart.
    await freeOneSeat(eventId);
    const notWaiting = await t.gql(OFFER, { id: heldId }, manager.accessToken);
    expect(notWaiting.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'WRONG_REGISTRATION_STATUS' });
    expect(errorCode(await t.gql(OFFER, { id: '00000000-0000-4000-8000-000000000000' }, manager.accessToken))).toBe('NOT_FOUND');
    const malformed = await t.gql(OFFER, { id: 'nope' }, manager.accessToken);
    expect(errorCode(malformed)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(malformed.errors)).toContain('registrationId');
  });

  it('a free-price seat offered by staff is confirmed at once, with the same email as an automatic promotion', async () => {
    const eventId = await createEvent(t, manager, { capacity: 1 });
    const holder = await signUpUser(t);
    await register(t, holder, eventId);
    const waiting = await signUpUser(t);
    const reg = (await register(t, waiting, eventId)).data!.registerForEvent;
    await freeOneSeat(eventId);
    const offered = await t.gql(OFFER, { id: reg.id }, manager.accessToken);
    expect(offered.data!.offerWaitlistSeat).toMatchObject({ status: 'CONFIRMED', offerExpiresAt: null });
    expect((await mailTo(t, waiting.id, 'event-waitlist-promoted'))).toHaveLength(1);
    expect(await seatState(t, eventId)).toEqual({ seatsTaken: 2, waitlistCount: 0, seats: 2, waitlisted: 0 });
  });

  it('two staff offers for the last seat at once, 10 times: one offer, the other NO_FREE_SEAT, counters agree', async () => {
    // The resolver's guard is tested in the matrix; the service takes the acting viewer for the audit trail.
    const staffViewer: Viewer = { id: manager.id, role: Role.USER, sessionId: 'test' };
    for (let round = 0; round < 10; round++) {
      const { eventId, queued } = await fullEvent(2);
      await freeOneSeat(eventId);
      const outcomes = await Promise.allSettled(queued.map((q) => registrations.offerSeat({ actor: staffViewer, requestId: `race-${round}` }, q.registrationId)));
      const fulfilled = outcomes.filter((o) => o.status === 'fulfilled');
      const reasons = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => (o.reason as AppError).options?.reason ?? String(o.reason));
      expect({ round, offers: fulfilled.length, reasons }).toEqual({ round, offers: 1, reasons: ['NO_FREE_SEAT'] });
      expect(await seatState(t, eventId)).toEqual({ seatsTaken: 2, waitlistCount: 1, seats: 2, waitlisted: 1 });
      const statuses = await t.sql<{ status: string }>(`SELECT status FROM event_registrations WHERE id = ANY($1::uuid[]) ORDER BY status`, [queued.map((q) => q.registrationId)]);
      expect(statuses.map((s) => s.status)).toEqual(['OFFERED', 'WAITLISTED']);
    }
  }, 120_000);
});
