import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createEvent, insertPeople, register } from '../factories/events.js';
import { applyFor, createTier } from '../factories/tiers.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { countQueries, dataStatements } from '../utils/count-queries.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';
import { RegistrationsService } from '../../libs/events/src/index.js';

type Who = 'anonymous' | 'registrant' | 'other' | 'admin';

describe('events: who may read and do what (anonymous, the registrant, another member, an admin); statements per request', () => {
  let t: TestApp;
  let admin: TestUser;
  let registrant: TestUser;
  let other: TestUser;
  let eventId: string;
  let registrationId: string;
  const token = (who: Who) => ({ anonymous: undefined, registrant: registrant.accessToken, other: other.accessToken, admin: admin.accessToken })[who];
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
    registrant = await signUpUser(t);
    other = await signUpUser(t);
    eventId = await createEvent(t, admin, { onlineUrl: 'https://meet.example.org/private' });
    registrationId = (await register(t, registrant, eventId)).data!.registerForEvent.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('onlineUrl: confirmed registrants and admins only', async () => {
    const q = `query($id: ID!) { event(id: $id) { title onlineUrl } }`;
    const seen: Record<Who, unknown> = { anonymous: null, registrant: null, other: null, admin: null };
    for (const who of Object.keys(seen) as Who[]) seen[who] = (await t.gql(q, { id: eventId }, token(who))).data!.event.onlineUrl;
    expect(seen).toEqual({ anonymous: null, registrant: 'https://meet.example.org/private', other: null, admin: 'https://meet.example.org/private' });
    // Waitlisted is not confirmed.
    const full = await createEvent(t, admin, { capacity: 1 });
    await register(t, other, full);
    await register(t, registrant, full);
    expect((await t.gql(q, { id: full }, registrant.accessToken)).data!.event.onlineUrl).toBeNull();
  });

  it('a registration and its private fields: the registrant and admins; others cannot reach it', async () => {
    const q = `query { myRegistrations(first: 10) { edges { node { id checkInCode user { email } event { title } attendance { credits } } } } }`;
    expect(errorCode(await t.gql(q))).toBe('UNAUTHENTICATED');
    expect((await t.gql(q, {}, registrant.accessToken)).data!.myRegistrations.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(registrationId);
    expect((await t.gql(q, {}, other.accessToken)).data!.myRegistrations.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(registrationId);

    const list = `query($eventId: ID!) { eventRegistrations(eventId: $eventId) { edges { node { id checkInCode user { email } } } } }`;
    const codes: Record<Who, string | undefined> = { anonymous: undefined, registrant: undefined, other: undefined, admin: undefined };
    for (const who of Object.keys(codes) as Who[]) codes[who] = errorCode(await t.gql(list, { eventId }, token(who)));
    expect(codes).toEqual({ anonymous: 'UNAUTHENTICATED', registrant: 'FORBIDDEN', other: 'FORBIDDEN', admin: undefined });
    const asAdmin = await t.gql(list, { eventId }, admin.accessToken);
    expect(asAdmin.data!.eventRegistrations.edges[0].node.user.email).toBe(registrant.email);

    const viaEvent = `query($id: ID!) { event(id: $id) { myRegistration { id checkInCode } } }`;
    expect((await t.gql(viaEvent, { id: eventId })).data!.event.myRegistration).toBeNull();
    expect((await t.gql(viaEvent, { id: eventId }, other.accessToken)).data!.event.myRegistration).toBeNull();
    expect((await t.gql(viaEvent, { id: eventId }, registrant.accessToken)).data!.event.myRegistration.id).toBe(registrationId);
  });

  it('mutations: register needs an account; cancel is the registrant’s or an admin’s; accept is the registrant’s; check-in and event admin are admins’', async () => {
    const cancel = `mutation($id: ID!) { cancelRegistration(registrationId: $id) { status } }`;
    const outcomes: Record<Who, string | undefined> = { anonymous: undefined, registrant: undefined, other: undefined, admin: undefined };
    for (const who of ['anonymous', 'other'] as Who[]) outcomes[who] = errorCode(await t.gql(cancel, { id: registrationId }, token(who)));
    expect(outcomes.anonymous).toBe('UNAUTHENTICATED');
    expect(outcomes.other).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(`mutation($e: ID!) { registerForEvent(eventId: $e) { id } }`, { e: eventId }))).toBe('UNAUTHENTICATED');
    const accept = `mutation($id: ID!) { acceptWaitlistOffer(registrationId: $id) { id } }`;
    expect(errorCode(await t.gql(accept, { id: registrationId }, admin.accessToken))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(accept, { id: registrationId }, registrant.accessToken))).toBe('CONFLICT');
    for (const who of ['anonymous', 'registrant', 'other'] as Who[]) {
      const expected = who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
      expect(errorCode(await t.gql(`mutation($id: ID!) { checkIn(registrationId: $id) { id } }`, { id: registrationId }, token(who)))).toBe(expected);
      expect(errorCode(await t.gql(`mutation($id: ID!) { publishEvent(id: $id) { id } }`, { id: eventId }, token(who)))).toBe(expected);
      expect(errorCode(await t.gql(`mutation($id: ID!) { cancelEvent(id: $id, reason: "x") { id } }`, { id: eventId }, token(who)))).toBe(expected);
      expect(errorCode(await t.gql(`mutation($id: ID!) { updateEvent(id: $id, input: { title: "x" }) { id } }`, { id: eventId }, token(who)))).toBe(expected);
    }
    expect(errorCode(await t.gql(cancel, { id: 'not-a-uuid' }, registrant.accessToken))).toBe('BAD_USER_INPUT');
    const adminCancel = await t.gql(`mutation($id: ID!) { cancelRegistration(registrationId: $id) { status endReason } }`, { id: registrationId }, admin.accessToken);
    expect(adminCancel.data!.cancelRegistration).toEqual({ status: 'CANCELLED', endReason: 'BY_ADMIN' });
    expect((await t.sql(`SELECT action FROM audit_log WHERE target_id = $1`, [registrationId]))[0].action).toBe('event.registration.cancel');
  });

  it('drafts: invisible to everyone but admins', async () => {
    const draft = await createEvent(t, admin, { publish: false });
    for (const who of ['anonymous', 'registrant', 'other'] as Who[]) expect((await t.gql(`query($id: ID!) { event(id: $id) { id } }`, { id: draft }, token(who))).data!.event).toBeNull();
    expect((await t.gql(`query($id: ID!) { event(id: $id) { id } }`, { id: draft }, admin.accessToken)).data!.event.id).toBe(draft);
    expect(errorCode(await t.gql(`{ events(status: DRAFT) { totalCount } }`, {}, other.accessToken))).toBe('FORBIDDEN');
  });

  it('statements per request do not grow with the page: upcoming events, and an event’s attendees with people and tiers', async () => {
    const tierId = await createTier(t, admin, { eventDiscountPercent: 10 });
    for (let i = 0; i < 8; i++) await createEvent(t, admin, { title: `Upcoming ${i}` });
    const upcoming = `query($first: Int) { events(first: $first, from: "2000-01-01T00:00:00Z") { edges { node { id seatsRemaining waitlistCount memberPrice { amount } sessions { title ceCredits } myRegistration { status } onlineUrl } } } }`;
    const small = await countQueries(() => t.gql(upcoming, { first: 2 }, registrant.accessToken), dataStatements);
    const large = await countQueries(() => t.gql(upcoming, { first: 8 }, registrant.accessToken), dataStatements);
    expect(large.result.errors).toBeUndefined();
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(4); // page, sessions, my registrations

    const big = await createEvent(t, admin, { capacity: 100 });
    const people = await insertPeople(t, 12, 'attendee');
    const service = t.app.get(RegistrationsService);
    for (const person of people) await service.register(person, big);
    const members = await Promise.all([0, 1, 2].map(() => signUpUser(t)));
    for (const m of members) {
      await applyFor(t, m, tierId);
      await register(t, m, big);
    }
    const attendees = `query($eventId: ID!, $first: Int) { eventRegistrations(eventId: $eventId, first: $first) { edges { node { id status waitlistPosition creditsEarned price { amount } event { title } user { fullName membership { status tier { name eventDiscountPercent } } } } } } }`;
    // 13 rows reach the first member (and so a tier), like 15 do; the page size is what differs.
    const few = await countQueries(() => t.gql(attendees, { eventId: big, first: 13 }, admin.accessToken), dataStatements);
    const many = await countQueries(() => t.gql(attendees, { eventId: big, first: 15 }, admin.accessToken), dataStatements);
    const one = await countQueries(() => t.gql(attendees, { eventId: big, first: 1 }, admin.accessToken), dataStatements);
    expect(one.count).toBeLessThanOrEqual(many.count);
    expect(many.result.errors).toBeUndefined();
    expect(many.result.data!.eventRegistrations.edges).toHaveLength(15);
    expect(many.count).toBe(few.count);
    expect(many.count).toBeLessThanOrEqual(6); // page, attendance, event, users, memberships, tiers
  });
});
