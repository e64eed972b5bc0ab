import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createEvent, insertPeople, register } from '../factories/events.js';
import { applyFor, createTier } from '../factories/tiers.js';
import { createAdminUser, signUpUser, type TestUser } from '../factories/users.js';
import { countQueries, dataStatements } from '../utils/count-queries.js';
import { errorCode, startTestApp, type TestApp } from '../utils/test-app.js';
import { RegistrationsService } from '../../libs/events/src/index.js';

const STAFF_PAGE = `query($first: Int, $per: Int) { events(first: $first, from: "2000-01-01T00:00:00Z") { edges { node { id title sessions { title }
  registrations(first: $per) { totalCount pageInfo { hasNextPage endCursor } edges { node { id status user { fullName membership { status tier { name } } } } } } } } } }`;
const ONE_EVENT = `query($id: ID!, $first: Int, $after: String) { event(id: $id) { registrations(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id checkInCode user { email } } } } } }`;

type Who = 'anonymous' | 'registrant' | 'other' | 'admin';
const ids = (connection: { edges: Array<{ node: { id: string } }> }) => connection.edges.map((e) => e.node.id);

describe('Event.registrations: the staff connection (admins only, like eventRegistrations), one statement per list level', () => {
  let t: TestApp;
  let admin: TestUser;
  let registrant: TestUser;
  let other: TestUser;
  let eventId: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
    registrant = await signUpUser(t);
    other = await signUpUser(t);
    eventId = await createEvent(t, admin, { capacity: 50 });
    await register(t, registrant, eventId);
    const service = t.app.get(RegistrationsService);
    for (const person of await insertPeople(t, 4, 'field')) await service.register(person, eventId);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('admins only: anonymous UNAUTHENTICATED, members FORBIDDEN (registrant included), admins the list', async () => {
    const token = { anonymous: undefined, registrant: registrant.accessToken, other: other.accessToken, admin: admin.accessToken };
    const codes: Record<Who, string | undefined> = { anonymous: undefined, registrant: undefined, other: undefined, admin: undefined };
    for (const who of Object.keys(codes) as Who[]) codes[who] = errorCode(await t.gql(ONE_EVENT, { id: eventId }, token[who]));
    expect(codes).toEqual({ anonymous: 'UNAUTHENTICATED', registrant: 'FORBIDDEN', other: 'FORBIDDEN', admin: undefined });
    const forbidden = await t.gql(ONE_EVENT, { id: eventId }, other.accessToken);
    expect(JSON.stringify(forbidden)).not.toContain('checkInCode":"');
  });

  it('pages as eventRegistrations does: same order, cursors, hasNextPage and totalCount', async () => {
    const all = await t.gql(`query($e: ID!) { eventRegistrations(eventId: $e, first: 100) { edges { node { id } } } }`, { e: eventId }, admin.accessToken);
    const expected = ids(all.data!.eventRegistrations);
    expect(expected).toHaveLength(5);

    const first = (await t.gql(ONE_EVENT, { id: eventId, first: 2 }, admin.accessToken)).data!.event.registrations;
    expect(ids(first)).toEqual(expected.slice(0, 2));
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.totalCount).toBe(5);
    expect(first.edges[0].node.user.email).toBe(registrant.email);
    const rest = (await t.gql(ONE_EVENT, { id: eventId, first: 10, after: first.pageInfo.endCursor }, admin.accessToken)).data!.event.registrations;
    expect(ids(rest)).toEqual(expected.slice(2));
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses a bad page size or cursor with BAD_USER_INPUT naming the argument', async () => {
    for (const first of [0, 101]) {
      const result = await t.gql(ONE_EVENT, { id: eventId, first }, admin.accessToken);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(result.errors)).toContain('first');
    }
    const badCursor = await t.gql(ONE_EVENT, { id: eventId, after: 'not-a-cursor' }, admin.accessToken);
    expect(errorCode(badCursor)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(badCursor.errors)).toContain('after');
  });

  it('statements per request do not grow with the number of events or registrations per event', async () => {
    const tierId = await createTier(t, admin, { eventDiscountPercent: 10 });
    const member = await signUpUser(t);
    await applyFor(t, member, tierId);
    const service = t.app.get(RegistrationsService);
    const people = await insertPeople(t, 6, 'staff');
    for (let i = 0; i < 4; i++) {
      const id = await createEvent(t, admin, { title: `Staff ${i}`, capacity: 20 });
      await register(t, member, id);
      for (const person of people) await service.register(person, id);
    }
    const small = await countQueries(() => t.gql(STAFF_PAGE, { first: 2, per: 2 }, admin.accessToken), dataStatements);
    const large = await countQueries(() => t.gql(STAFF_PAGE, { first: 5, per: 7 }, admin.accessToken), dataStatements);
    expect(large.result.errors).toBeUndefined();
    const events = large.result.data!.events.edges.map((e: { node: { registrations: { edges: unknown[] } } }) => e.node.registrations.edges.length);
    expect(events.filter((n: number) => n === 7)).toHaveLength(4);
    expect(large.count).toBe(small.count);
    const member0 = large.result.data!.events.edges.flatMap((e: { node: { registrations: { edges: Array<{ node: { user: { fullName: string; membership: unknown } } }> } } }) =>
      e.node.registrations.edges.map((r) => r.node.user)).find((user: { membership: unknown }) => user.membership);
    expect(member0).toEqual({ fullName: 'Test Member', membership: { status: 'ACTIVE', tier: { name: expect.any(String) } } });
    // The registrants, their memberships and tiers come with the registrations: no users, memberships or tiers batch of their own.
    expect(large.statements.filter((sql) => /FROM users c\s+WHERE c\.id = ANY|\bmemberships\b|\bmembership_tiers\b/.test(sql) && !/event_registrations/.test(sql))).toEqual([]);
    // events page, sessions, registrations (with registrant and membership), their count
    expect(large.count).toBeLessThanOrEqual(4);
  });

  it('a bad page size on the staff page refuses every event\'s registrations alike (validated once per field node; same error and order as before)', async () => {
    const listed = await t.gql(`{ events(first: 3, from: "2000-01-01T00:00:00Z") { edges { node { id } } } }`, {}, admin.accessToken);
    const count = listed.data!.events.edges.length;
    expect(count).toBeGreaterThan(1);
    const result = await t.gql(STAFF_PAGE, { first: 3, per: 101 }, admin.accessToken);
    // registrations is non-null all the way up to the list of edges: graphql-js nulls the list at the first error and reports that one.
    expect(result.data?.events ?? null).toBeNull();
    expect(result.errors!.length).toBeGreaterThanOrEqual(1);
    expect(new Set(result.errors!.map((error) => error.extensions?.code))).toEqual(new Set(['BAD_USER_INPUT']));
    expect(new Set(result.errors!.map((error) => error.message)).size).toBe(1);
    expect(result.errors![0].message).toContain('first');
    for (const error of result.errors!) expect(error.path!.join('.')).toMatch(/^events\.edges\.\d+\.node\.registrations$/);
    // A page size that passes gives every event its page.
    const fine = await t.gql(STAFF_PAGE, { first: 3, per: 100 }, admin.accessToken);
    expect(fine.errors).toBeUndefined();
    expect(fine.data!.events.edges).toHaveLength(count);
    // A member is refused before the arguments are looked at, as before.
    expect(new Set((await t.gql(STAFF_PAGE, { first: 3, per: 101 }, other.accessToken)).errors!.map((error) => error.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
  });
});
