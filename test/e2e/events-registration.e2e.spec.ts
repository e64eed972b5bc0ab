import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EventLifecycleService } from '../../libs/events/src/index.js';
import { CANCEL_REGISTRATION, createEvent, DAY, eventInput, HOUR, mailTo, register, seatState } from '../factories/events.js';
import { applyFor, createTier } from '../factories/tiers.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { countQueries, sqlStatements } from '../utils/count-queries.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) { id status sessions { title ceCredits } } }`;

describe('events: creating, registering, waitlist, pricing', () => {
  let t: TestApp;
  let admin: TestUser;
  let member: TestUser;
  let memberTierId: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
    memberTierId = await createTier(t, admin, { eventDiscountPercent: 25 });
    member = await signUpUser(t, { fullName: 'Mia Member' });
    await applyFor(t, member, memberTierId);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('validates every input, naming the field', async () => {
    const bad = [
      [{ timezone: 'Mars/Olympus' }, 'input.timezone'],
      [{ capacity: 0 }, 'input.capacity'],
      [{ title: '   ' }, 'input.title'],
      [{ currency: 'XYZ' }, 'input.memberPrice.currency'],
      [{ onlineUrl: 'javascript:alert(1)' }, 'input.onlineUrl'],
    ] as const;
    for (const [overrides, path] of bad) {
      const result = await t.gql(CREATE, { input: eventInput(overrides as never) }, admin.accessToken);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions.fields!.map((f) => f.path)).toContain(path);
    }
    const start = new Date(Date.now() + DAY);
    const backwards = await t.gql(CREATE, { input: eventInput({ startsAt: start, endsAt: new Date(start.getTime() - HOUR) }) }, admin.accessToken);
    expect(backwards.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.endsAt' }] });
    const mixed = { ...eventInput(), nonMemberPrice: { amount: 100, currency: 'EUR' } };
    expect((await t.gql(CREATE, { input: mixed }, admin.accessToken)).errors![0].extensions.fields![0].path).toBe('input.nonMemberPrice.currency');
    const outside = await t.gql(CREATE, { input: eventInput({ startsAt: start, sessions: [{ title: 'Early', startsAt: new Date(start.getTime() - HOUR), endsAt: start, ceCredits: 1 }] }) }, admin.accessToken);
    expect(outside.errors![0].extensions.fields![0].path).toBe('input.sessions.0.startsAt');
    const tooMuch = await t.gql(CREATE, { input: eventInput({ ceCredits: 1.234 }) }, admin.accessToken);
    expect(tooMuch.errors![0].extensions.fields![0].path).toBe('input.ceCredits');
    expect(await t.sql(`SELECT count(*)::int AS n FROM events`)).toEqual([{ n: 0 }]);
  });

  it('creates a DRAFT with one session spanning it when none are given; only admins create', async () => {
    const created = await t.gql(CREATE, { input: eventInput({ title: 'Ethics 101', ceCredits: 3, ceCategory: 'Ethics' }) }, admin.accessToken);
    expect(created.data!.createEvent).toMatchObject({ status: 'DRAFT', sessions: [{ title: 'Ethics 101', ceCredits: 3 }] });
    expect(errorCode(await t.gql(CREATE, { input: eventInput() }, member.accessToken))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(CREATE, { input: eventInput() }))).toBe('UNAUTHENTICATED');
    const [audit] = await t.sql(`SELECT action FROM audit_log WHERE target_id = $1`, [created.data!.createEvent.id]);
    expect(audit.action).toBe('event.create');
  });

  it('refuses registration for drafts (not found) and closed registration', async () => {
    const draft = await createEvent(t, admin, { publish: false });
    expect(errorCode(await register(t, member, draft))).toBe('NOT_FOUND');
    const closed = await createEvent(t, admin, { registrationClosesAt: new Date(Date.now() + 2 * DAY), startsAt: new Date(Date.now() + 3 * DAY) });
    await t.sql(`UPDATE events SET registration_closes_at = now() - interval '1 minute' WHERE id = $1`, [closed]);
    const late = await register(t, member, closed);
    expect(late.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'REGISTRATION_CLOSED' });
  });

  it('confirms a free seat at once, emails a confirmation with the .ics attached, and refuses a second registration', async () => {
    const eventId = await createEvent(t, admin, { capacity: 5 });
    const { result, statements } = await countQueries(() => register(t, member, eventId), sqlStatements);
    expect(result.data!.registerForEvent).toMatchObject({ status: 'CONFIRMED', waitlistPosition: null, price: { amount: 0, currency: 'USD' } });
    // Under the event's lock only the seat decision's writes: whether the person is registered already was read before it.
    const locked = statements.findIndex((sql) => /FROM "events" "e"[\s\S]*FOR UPDATE/.test(sql));
    expect(locked).toBeGreaterThan(0);
    expect(statements.slice(locked).filter((sql) => /^SELECT[\s\S]*FROM "?event_registrations"?/.test(sql.trim()))).toEqual([]);
    const again = await register(t, member, eventId);
    expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_REGISTERED' });
    const [mail] = await mailTo(t, member.id, 'event-registration-confirmed');
    expect(mail.bodyText).toContain(`/events/${eventId}.ics`);
    const [{ attachments }] = await t.sql(`SELECT attachments FROM outbox_messages WHERE recipient_user_id = $1 AND template = 'event-registration-confirmed'`, [member.id]);
    expect(attachments.map((a: any) => a.filename)).toEqual(['event.ics', 'ticket.svg']);
    expect(attachments[0]).toMatchObject({ filename: 'event.ics', contentType: expect.stringMatching(/^text\/calendar/) });
    const vevent = new ICAL.Component(ICAL.parse(attachments[0].content)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('uid')).toContain(eventId);
    const event = await t.gql(`query($id: ID!) { event(id: $id) { seatsRemaining waitlistCount myRegistration { status } } }`, { id: eventId }, member.accessToken);
    expect(event.data!.event).toEqual({ seatsRemaining: 4, waitlistCount: 0, myRegistration: { status: 'CONFIRMED' } });
  });

  it('prices by membership: tier discount off the member price, non-members pay the non-member price', async () => {
    const eventId = await createEvent(t, admin, { capacity: null, memberPrice: 0, nonMemberPrice: 0 });
    // Prices are read by the service at registration; set them on the row to avoid needing Stripe here.
    await t.sql(`UPDATE events SET member_price_amount = 1999, non_member_price_amount = 4999 WHERE id = $1`, [eventId]);
    const outsider = await signUpUser(t);
    const paidByMember = await register(t, member, eventId);
    const paidByOutsider = await register(t, outsider, eventId);
    // No Stripe configured in this app: a paid seat is refused with a clear code, and nothing is written.
    expect(errorCode(paidByMember)).toBe('PAYMENTS_NOT_CONFIGURED');
    expect(errorCode(paidByOutsider)).toBe('PAYMENTS_NOT_CONFIGURED');
    expect(await seatState(t, eventId)).toMatchObject({ seatsTaken: 0, seats: 0 });
    const { priceFor } = await import('../../libs/events/src/registrations.service.js');
    const event = { memberPriceAmount: 1999, nonMemberPriceAmount: 4999 } as never;
    expect(priceFor(event, { id: '', email: '', fullName: '', discountPercent: 25 })).toBe(1499);
    expect(priceFor(event, { id: '', email: '', fullName: '', discountPercent: 0 })).toBe(1999);
    expect(priceFor(event, { id: '', email: '', fullName: '', discountPercent: null })).toBe(4999);
  });

  it('members-only events refuse non-members with MEMBERS_ONLY', async () => {
    const eventId = await createEvent(t, admin, { membersOnly: true });
    const outsider = await signUpUser(t);
    const refused = await register(t, outsider, eventId);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MEMBERS_ONLY' });
    expect((await register(t, member, eventId)).data!.registerForEvent.status).toBe('CONFIRMED');
  });

  it('members-only events refuse a member whose grace ran out before the lapse job ran, and take one still in grace', async () => {
    const eventId = await createEvent(t, admin, { membersOnly: true });
    const tierId = await createTier(t, admin);
    const [over, inGrace] = await Promise.all([signUpUser(t), signUpUser(t)]);
    await applyFor(t, over, tierId);
    await applyFor(t, inGrace, tierId);
    await t.sql(`UPDATE memberships SET status = 'GRACE', grace_ends_at = now() - interval '1 minute' WHERE user_id = $1`, [over.id]);
    await t.sql(`UPDATE memberships SET status = 'GRACE', grace_ends_at = now() + interval '1 day' WHERE user_id = $1`, [inGrace.id]);
    expect((await register(t, over, eventId)).errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MEMBERS_ONLY' });
    expect((await register(t, inGrace, eventId)).data!.registerForEvent.status).toBe('CONFIRMED');
  });

  it('a full event waitlists with positions; a cancellation promotes the head of the queue and emails them', async () => {
    const eventId = await createEvent(t, admin, { capacity: 2 });
    const people = await Promise.all([0, 1, 2, 3].map(() => signUpUser(t)));
    const results = [];
    for (const person of people) results.push((await register(t, person, eventId)).data!.registerForEvent);
    expect(results.map((r) => r.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'WAITLISTED', 'WAITLISTED']);
    expect(results.map((r) => r.waitlistPosition)).toEqual([null, null, 1, 2]);
    expect(await mailTo(t, people[2].id, 'event-waitlisted')).toHaveLength(1);

    const cancelled = await t.gql(CANCEL_REGISTRATION, { id: results[0].id }, people[0].accessToken);
    expect(cancelled.data!.cancelRegistration).toMatchObject({ status: 'CANCELLED', endReason: 'BY_REGISTRANT' });
    const mine = await t.gql(`query($id: ID!) { event(id: $id) { myRegistration { status waitlistPosition } waitlistCount seatsRemaining } }`, { id: eventId }, people[3].accessToken);
    expect(mine.data!.event).toEqual({ myRegistration: { status: 'WAITLISTED', waitlistPosition: 1 }, waitlistCount: 1, seatsRemaining: 0 });
    const promoted = await t.sql(`SELECT status, promoted_at FROM event_registrations WHERE id = $1`, [results[2].id]);
    expect(promoted[0].status).toBe('CONFIRMED');
    expect(await mailTo(t, people[2].id, 'event-waitlist-promoted')).toHaveLength(1);
    expect(await seatState(t, eventId)).toEqual({ seatsTaken: 2, waitlistCount: 1, seats: 2, waitlisted: 1 });

    // Cancelling twice is refused; another member cannot cancel someone else's registration.
    expect(errorCode(await t.gql(CANCEL_REGISTRATION, { id: results[0].id }, people[0].accessToken))).toBe('CONFLICT');
    expect(errorCode(await t.gql(CANCEL_REGISTRATION, { id: results[1].id }, people[3].accessToken))).toBe('NOT_FOUND');
    // A person who cancelled may register again (one live registration each, not one ever).
    expect((await register(t, people[0], eventId)).data!.registerForEvent).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 2 });
  });

  it('raising the capacity fills the new seats from the waitlist in order', async () => {
    const eventId = await createEvent(t, admin, { capacity: 1 });
    const people = await Promise.all([0, 1, 2].map(() => signUpUser(t)));
    const ids = [];
    for (const p of people) ids.push((await register(t, p, eventId)).data!.registerForEvent.id);
    const updated = await t.gql(`mutation($id: ID!) { updateEvent(id: $id, input: { capacity: 2 }) { seatsRemaining waitlistCount } }`, { id: eventId }, admin.accessToken);
    expect(updated.data!.updateEvent).toEqual({ seatsRemaining: 0, waitlistCount: 1 });
    const statuses = await t.sql(`SELECT id, status FROM event_registrations WHERE id = ANY($1)`, [ids]);
    expect(Object.fromEntries(statuses.map((r) => [r.id, r.status]))).toEqual({ [ids[0]]: 'CONFIRMED', [ids[1]]: 'CONFIRMED', [ids[2]]: 'WAITLISTED' });
    const shrink = await t.gql(`mutation($id: ID!) { updateEvent(id: $id, input: { capacity: 1 }) { id } }`, { id: eventId }, admin.accessToken);
    expect(shrink.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CAPACITY_BELOW_TAKEN', fields: [{ path: 'input.capacity' }] });
  });

  it('lists events by start with keyset pages, filters, and hides drafts from non-admins', async () => {
    const base = Date.now() + 100 * DAY;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await createEvent(t, admin, { title: `Listed ${i} zebra`, startsAt: new Date(base + i * DAY), kind: i % 2 ? 'WEBINAR' : 'WORKSHOP' }));
    await createEvent(t, admin, { title: 'Hidden zebra draft', startsAt: new Date(base), publish: false });
    const q = `query($first: Int, $after: String, $from: DateTime, $kind: EventKind, $search: String) {
      events(first: $first, after: $after, from: $from, kind: $kind, search: $search) { totalCount pageInfo { hasNextPage endCursor } edges { node { id title } } } }`;
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await t.gql(q, { first: 2, after, search: 'zebra' });
      seen.push(...page.data!.events.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!page.data!.events.pageInfo.hasNextPage) break;
      after = page.data!.events.pageInfo.endCursor;
    }
    expect(seen).toEqual(ids);
    expect((await t.gql(q, { search: 'zebra' }, admin.accessToken)).data!.events.totalCount).toBe(6);
    expect((await t.gql(q, { search: 'zebra', kind: 'WEBINAR' })).data!.events.totalCount).toBe(2);
    expect(errorCode(await t.gql(q, { first: 101 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(q, { after: 'bogus' }))).toBe('BAD_USER_INPUT');
  });

  it('sends the day-before reminder once however often the job runs, and completes ended events', async () => {
    const startsAt = new Date(Date.now() + 20 * HOUR);
    const eventId = await createEvent(t, admin, { startsAt });
    const person = await signUpUser(t);
    await register(t, person, eventId);
    const lifecycle = t.app.get(EventLifecycleService);
    await Promise.all([lifecycle.sendReminders(), lifecycle.sendReminders()]);
    await lifecycle.sendReminders();
    expect(await mailTo(t, person.id, 'event-reminder')).toHaveLength(1);
    await t.sql(`UPDATE events SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' WHERE id = $1`, [eventId]);
    await t.sql(`SELECT graphile_worker.add_job('events-reminders', '{}'::json)`);
    await t.runJobs();
    expect((await t.sql(`SELECT status FROM events WHERE id = $1`, [eventId]))[0].status).toBe('COMPLETED');
  });
});
