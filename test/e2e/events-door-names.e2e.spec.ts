import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { StaffPermission } from '../../libs/core/src/index.js';
import { CANCEL_REGISTRATION, createEvent, register } from '../factories/events.js';
import { createAdminUser, signUpUser, type TestUser } from '../factories/users.js';
import { errorCode, startTestApp, type TestApp } from '../utils/test-app.js';

const BY_NAME = `query($e: ID!, $n: String!, $first: Int, $after: String) {
  eventRegistrationsByName(eventId: $e, name: $n, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id status user { fullName } attendance { session { id } } } }
  }
}`;
const GRANT = `mutation($id: ID!, $p: [StaffPermission!]!) { setStaffPermissions(userId: $id, permissions: $p) { id } }`;
const names = (result: { data?: any }) => result.data!.eventRegistrationsByName.edges.map((e: any) => e.node.user.fullName);

describe('the door finds registrants by name (names asked of accounts), and only event managers cancel others’ seats', () => {
  let t: TestApp;
  let admin: TestUser;
  let door: TestUser;
  let manager: TestUser;
  let eventId: string;
  let otherEventId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
    door = await signUpUser(t, { fullName: 'Door Volunteer' });
    manager = await signUpUser(t, { fullName: 'Event Manager' });
    await t.gql(GRANT, { id: door.id, p: [StaffPermission.CHECK_IN] }, admin.accessToken);
    await t.gql(GRANT, { id: manager.id, p: [StaffPermission.EVENT_MANAGER] }, admin.accessToken);
    eventId = await createEvent(t, admin, { capacity: 3 });
    otherEventId = await createEvent(t, admin, { capacity: 5 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('matches every word of the name among this event’s registrants only, by name, paged, with the live registration', async () => {
    const people = ['Ada Lovelace', 'Adam Smith', 'Grace Hopper', 'Ada Byron', 'Adalbert Stifter'];
    const users: TestUser[] = [];
    for (const fullName of people) users.push(await signUpUser(t, { fullName }));
    for (const user of users) expect((await register(t, user, eventId)).errors).toBeUndefined();
    // Not registered here: must not be found.
    const stranger = await signUpUser(t, { fullName: 'Ada Elsewhere' });
    await register(t, stranger, otherEventId);

    const all = await t.gql(BY_NAME, { e: eventId, n: 'ada' }, door.accessToken);
    expect(all.errors).toBeUndefined();
    expect(names(all)).toEqual(['Ada Byron', 'Ada Lovelace', 'Adalbert Stifter', 'Adam Smith']);
    expect(all.data!.eventRegistrationsByName.totalCount).toBe(4);
    // Capacity 3: the fourth and fifth registrants wait.
    const statuses = Object.fromEntries(all.data!.eventRegistrationsByName.edges.map((e: any) => [e.node.user.fullName, e.node.status]));
    expect(statuses).toEqual({ 'Ada Lovelace': 'CONFIRMED', 'Adam Smith': 'CONFIRMED', 'Ada Byron': 'WAITLISTED', 'Adalbert Stifter': 'WAITLISTED' });

    expect(names(await t.gql(BY_NAME, { e: eventId, n: '  lov   ADA ' }, door.accessToken))).toEqual(['Ada Lovelace']);
    expect(names(await t.gql(BY_NAME, { e: eventId, n: '%' + '_' }, door.accessToken))).toEqual([]);

    const first = await t.gql(BY_NAME, { e: eventId, n: 'ada', first: 2 }, manager.accessToken);
    expect(names(first)).toEqual(['Ada Byron', 'Ada Lovelace']);
    expect(first.data!.eventRegistrationsByName.pageInfo.hasNextPage).toBe(true);
    const second = await t.gql(BY_NAME, { e: eventId, n: 'ada', first: 2, after: first.data!.eventRegistrationsByName.pageInfo.endCursor }, manager.accessToken);
    expect(names(second)).toEqual(['Adalbert Stifter', 'Adam Smith']);
    expect(second.data!.eventRegistrationsByName.pageInfo.hasNextPage).toBe(false);

    // Cancelled then registered again: the live registration is the one found.
    const grace = users[2]!;
    const old = (await t.gql(`{ myRegistrations(first: 5) { edges { node { id event { id } } } } }`, {}, grace.accessToken)).data!.myRegistrations.edges
      .find((e: any) => e.node.event.id === eventId).node.id;
    await t.gql(CANCEL_REGISTRATION, { id: old }, grace.accessToken);
    const again = await register(t, grace, eventId);
    const found = await t.gql(BY_NAME, { e: eventId, n: 'grace' }, door.accessToken);
    expect(found.data!.eventRegistrationsByName.edges.map((e: any) => e.node.id)).toEqual([again.data!.registerForEvent.id]);
  });

  it('checks a person found by name in; the result shows the attendance', async () => {
    const found = await t.gql(BY_NAME, { e: eventId, n: 'lovelace' }, door.accessToken);
    const registrationId = found.data!.eventRegistrationsByName.edges[0].node.id;
    const checked = await t.gql(`mutation($id: ID!) { checkIn(registrationId: $id) { id attendance { session { id } } } }`, { id: registrationId }, door.accessToken);
    expect(checked.data!.checkIn.attendance).toHaveLength(1);
    const after = await t.gql(BY_NAME, { e: eventId, n: 'lovelace' }, door.accessToken);
    expect(after.data!.eventRegistrationsByName.edges[0].node.attendance).toHaveLength(1);
  });

  it('refuses short names, page sizes over 20, bad cursors, unknown events, members and anonymous callers', async () => {
    expect(errorCode(await t.gql(BY_NAME, { e: eventId, n: 'a' }, door.accessToken))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(BY_NAME, { e: eventId, n: 'ada', first: 21 }, door.accessToken))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(BY_NAME, { e: eventId, n: 'ada', after: 'nonsense' }, door.accessToken))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(BY_NAME, { e: '00000000-0000-4000-8000-000000000000', n: 'ada' }, door.accessToken))).toBe('NOT_FOUND');
    const member = await signUpUser(t);
    expect(errorCode(await t.gql(BY_NAME, { e: eventId, n: 'ada' }, member.accessToken))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(BY_NAME, { e: eventId, n: 'ada' }))).toBe('UNAUTHENTICATED');
  });

  it('CHECK_IN staff may not cancel someone else’s registration; an event manager may', async () => {
    const guest = await signUpUser(t, { fullName: 'Cancel Me' });
    const registration = (await register(t, guest, otherEventId)).data!.registerForEvent;
    const refused = await t.gql(CANCEL_REGISTRATION, { id: registration.id }, door.accessToken);
    expect(errorCode(refused)).toBe('FORBIDDEN');
    const [row] = await t.sql<{ status: string }>(`SELECT status FROM event_registrations WHERE id = $1`, [registration.id]);
    expect(row!.status).toBe('CONFIRMED');
    const cancelled = await t.gql(CANCEL_REGISTRATION, { id: registration.id }, manager.accessToken);
    expect(cancelled.data!.cancelRegistration).toEqual({ id: registration.id, status: 'CANCELLED', endReason: 'BY_ADMIN' });
  });
});
