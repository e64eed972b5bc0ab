import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createEvent, insertPeople, register } from '../factories/events.js';
import { createTier } from '../factories/tiers.js';
import { createAdminUser, logIn, signUpUser, type TestUser } from '../factories/users.js';
import { countQueries, dataStatements } from '../utils/count-queries.js';
import { errorCode, startTestApp, type TestApp } from '../utils/test-app.js';
import DataLoader from 'dataloader';
import { RegistrationsService } from '../../libs/events/src/index.js';
import { EventsLoader } from '../../libs/events/src/events.loader.js';
import { RegistrationsRepository } from '../../libs/events/src/registrations.repository.js';
import { MEMBER_USER_FIELDS, membershipColumnsAsked, MembersLoader } from '../../libs/members/src/index.js';
import { userFieldsAsked, UsersLoader } from '../../libs/accounts/src/index.js';
import { RequestLoaders, type RequestContext } from '../../libs/core/src/index.js';

/** The keys asked of any DataLoader while `work` runs (instrumentation only: the loads still happen). */
async function loaderCalls<T>(work: () => Promise<T>): Promise<{ result: T; keys: unknown[] }> {
  const keys: unknown[] = [];
  const original = DataLoader.prototype.load;
  DataLoader.prototype.load = function (this: DataLoader<unknown, unknown>, key: unknown) {
    keys.push(key);
    return original.call(this, key);
  } as typeof original;
  try {
    return { result: await work(), keys };
  } finally {
    DataLoader.prototype.load = original;
  }
}

/** myRegistrations and eventRegistrations read plain rows: order, filters, cursors and fields as the entity path gave them. */
const MINE = `query($first: Int, $after: String, $upcoming: Boolean) { myRegistrations(first: $first, after: $after, upcoming: $upcoming) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id status price { amount currency } createdAt event { id title } } } } }`;
const ATTENDEES = `query($e: ID!, $first: Int, $after: String, $status: RegistrationStatus) { eventRegistrations(eventId: $e, first: $first, after: $after, status: $status) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id status waitlistPosition user { id } } } } }`;
const WITH_MEMBERSHIP = `query($e: ID!, $first: Int) { eventRegistrations(eventId: $e, first: $first) { edges { node { id user { id membership { status tier { name eventDiscountPercent } } } } } } }`;
const DAY = 86_400_000;
type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ cursor?: string; node: any }> };

describe('registration lists read as plain rows', () => {
  let t: TestApp;
  let admin: TestUser;
  let member: TestUser;
  const events: string[] = [];
  let full: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
    member = await signUpUser(t);
    // Five events, created out of start order; the member registers for each.
    for (const days of [30, 10, 50, 20, 40]) {
      const id = await createEvent(t, admin, { title: `In ${days} days`, startsAt: new Date(Date.now() + days * DAY) });
      await register(t, member, id);
      events.push(id);
    }
    // Two of them end in the past.
    await t.sql(`UPDATE events SET starts_at = date_trunc('second', now()) - interval '3 days', ends_at = date_trunc('second', now()) - interval '2 days' WHERE id = ANY($1::uuid[])`, [[events[1], events[3]]]);
    full = await createEvent(t, admin, { capacity: 2 });
    const service = t.app.get(RegistrationsService);
    for (const person of await insertPeople(t, 5, 'lists')) await service.register(person, full);
  });
  afterAll(async () => {
    await t?.close();
  });

  const mine = async (variables: Record<string, unknown>): Promise<Page> => (await t.gql(MINE, variables, member.accessToken)).data!.myRegistrations;
  const attendees = async (variables: Record<string, unknown>): Promise<Page> => (await t.gql(ATTENDEES, { e: full, ...variables }, admin.accessToken)).data!.eventRegistrations;

  it('myRegistrations: by event start, paged by cursor, with the event and the row fields', async () => {
    const starts = await t.sql<{ id: string }>(`SELECT e.id FROM events e JOIN event_registrations r ON r.event_id = e.id WHERE e.id = ANY($1::uuid[]) ORDER BY e.starts_at, r.id`, [events]);
    const byStart = starts.map((r) => r.id);
    const first = await mine({ first: 2 });
    expect(first.edges.map((e) => e.node.event.id)).toEqual(byStart.slice(0, 2));
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.totalCount).toBe(5);
    expect(first.edges[0].node).toMatchObject({ status: 'CONFIRMED', price: { amount: 0, currency: 'USD' } });
    expect(Date.parse(first.edges[0].node.createdAt)).toBeGreaterThan(Date.now() - DAY);
    const rest = await mine({ first: 10, after: first.pageInfo.endCursor });
    expect(rest.edges.map((e) => e.node.event.id)).toEqual(byStart.slice(2));
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it('myRegistrations reads each event in the list statement: no events statement of its own, whatever the page size', async () => {
    const small = await countQueries(() => mine({ first: 1 }), dataStatements);
    const large = await countQueries(() => mine({ first: 5 }), dataStatements);
    expect(small.result.edges).toHaveLength(1);
    expect(large.result.edges.map((e) => e.node.event.title)).toEqual(expect.arrayContaining(['In 30 days', 'In 50 days', 'In 40 days']));
    expect(large.count).toBe(small.count);
    // The list, and totalCount; the viewer's own lookup aside, nothing reads events on its own.
    expect(large.statements.filter((sql) => /FROM "?events"?\b/i.test(sql) && !/event_registrations/i.test(sql))).toEqual([]);
  });

  it('myRegistrations reads only the event columns its rows ask for; the same event read elsewhere in the request gets every field', async () => {
    const q = (eventFields: string) =>
      countQueries(() => t.gql(`query($e: ID!) { myRegistrations(first: 5) { edges { node { id event { ${eventFields} } } } } event(id: $e) { id description venue capacity seatsRemaining } }`, { e: events[0] }, member.accessToken), dataStatements);
    const lean = await q('id title');
    expect(lean.result.errors).toBeUndefined();
    const listSql = (statements: string[]) => statements.find((sql) => /FROM event_registrations c JOIN events e/.test(sql))!;
    expect(listSql(lean.statements)).toMatch(/e\.title/);
    expect(listSql(lean.statements)).not.toMatch(/e\.description|e\.venue|e\.capacity/);
    const own = await t.sql<{ description: string | null; venue: string | null; capacity: number | null }>(`SELECT description, venue, capacity FROM events WHERE id = $1`, [events[0]]);
    expect(lean.result.data!.event).toMatchObject({ id: events[0], description: own[0].description, venue: own[0].venue, capacity: own[0].capacity });
    expect(lean.result.data!.myRegistrations.edges.find((e: { node: { event: { id: string } } }) => e.node.event.id === events[0]).node.event).toEqual({ id: events[0], title: 'In 30 days' });
    const wider = await q('id title venue seatsRemaining');
    expect(listSql(wider.statements)).toMatch(/e\.venue.*e\.capacity.*e\.seats_taken|e\.capacity.*e\.seats_taken.*e\.venue/);
    expect(wider.result.data!.myRegistrations.edges.every((e: { node: { event: { seatsRemaining: unknown } } }) => e.node.event.seatsRemaining === null || typeof e.node.event.seatsRemaining === 'number')).toBe(true);
  });

  it('myRegistrations: upcoming true / false split the events by their end', async () => {
    const upcoming = await mine({ first: 10, upcoming: true });
    const past = await mine({ first: 10, upcoming: false });
    expect(new Set(past.edges.map((e) => e.node.event.id))).toEqual(new Set([events[1], events[3]]));
    expect(new Set(upcoming.edges.map((e) => e.node.event.id))).toEqual(new Set([events[0], events[2], events[4]]));
    expect([upcoming.totalCount, past.totalCount]).toEqual([3, 2]);
    const afterFirstUpcoming = await mine({ first: 10, upcoming: true, after: upcoming.edges[0].cursor });
    expect(afterFirstUpcoming.edges.map((e) => e.node.event.id)).toEqual(upcoming.edges.slice(1).map((e) => e.node.event.id));
  });

  it('eventRegistrations: in the order made, filtered by status, paged by cursor', async () => {
    const rows = await t.sql<{ id: string; status: string }>(`SELECT id, status FROM event_registrations WHERE event_id = $1 ORDER BY created_at, id`, [full]);
    const all = await attendees({ first: 100 });
    expect(all.edges.map((e) => e.node.id)).toEqual(rows.map((r) => r.id));
    expect(all.edges.map((e) => e.node.status)).toEqual(rows.map((r) => r.status));
    const waitlisted = rows.filter((r) => r.status === 'WAITLISTED').map((r) => r.id);
    expect(waitlisted).toHaveLength(3);
    const firstWaiting = await attendees({ first: 2, status: 'WAITLISTED' });
    expect(firstWaiting.edges.map((e) => e.node.id)).toEqual(waitlisted.slice(0, 2));
    expect(firstWaiting.edges.map((e) => e.node.waitlistPosition)).toEqual([1, 2]);
    expect(firstWaiting).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const lastWaiting = await attendees({ first: 2, status: 'WAITLISTED', after: firstWaiting.pageInfo.endCursor });
    expect(lastWaiting.edges.map((e) => e.node.id)).toEqual(waitlisted.slice(2));
    expect(lastWaiting.pageInfo.hasNextPage).toBe(false);
  });

  it('eventRegistrations reads each registrant in the list statement: no users statement of its own, whatever the page size', async () => {
    const WITH_USER = `query($e: ID!, $first: Int) { eventRegistrations(eventId: $e, first: $first) { edges { node { id user { id fullName } } } } }`;
    const small = await countQueries(() => t.gql(WITH_USER, { e: full, first: 1 }, admin.accessToken), dataStatements);
    const large = await countQueries(() => t.gql(WITH_USER, { e: full, first: 5 }, admin.accessToken), dataStatements);
    const registrants = await t.sql<{ id: string; fullName: string }>(
      `SELECT u.id, u.full_name AS "fullName" FROM event_registrations r JOIN users u ON u.id = r.user_id WHERE r.event_id = $1 ORDER BY r.created_at, r.id`,
      [full],
    );
    expect(large.result.data!.eventRegistrations.edges.map((e: { node: { user: unknown } }) => e.node.user)).toEqual(registrants);
    expect(large.count).toBe(small.count);
    // The users loader's batch (the viewer's own session lookup also reads users, and stays).
    expect(large.statements.filter((sql) => /FROM users c\s+WHERE c\.id = ANY/.test(sql))).toEqual([]);
  });

  it('eventRegistrations reads each registrant\'s membership (current, else latest) with its tier in the list statement, whatever the page size', async () => {
    const people = (await t.sql<{ id: string }>(`SELECT user_id AS id FROM event_registrations WHERE event_id = $1 ORDER BY created_at, id`, [full])).map((r) => r.id);
    expect(people).toHaveLength(5);
    const gold = await createTier(t, admin, { name: 'Gold', eventDiscountPercent: 15 });
    const silver = await createTier(t, admin, { name: 'Silver', eventDiscountPercent: 5 });
    const membership = (userId: string, tierId: string, status: string, daysAgo: number) =>
      t.sql(`INSERT INTO memberships (user_id, tier_id, status, created_at) VALUES ($1, $2, $3, now() - $4 * interval '1 day')`, [userId, tierId, status, daysAgo]);
    await membership(people[0], gold, 'ACTIVE', 1);
    // A current membership comes before a later ended one; with none current, the latest.
    await membership(people[1], silver, 'ACTIVE', 3);
    await membership(people[1], gold, 'LAPSED', 1);
    await membership(people[2], gold, 'CANCELLED', 3);
    await membership(people[2], silver, 'LAPSED', 1);

    const small = await countQueries(() => t.gql(WITH_MEMBERSHIP, { e: full, first: 2 }, admin.accessToken), dataStatements);
    const large = await countQueries(() => t.gql(WITH_MEMBERSHIP, { e: full, first: 5 }, admin.accessToken), dataStatements);
    expect(large.result.errors).toBeUndefined();
    expect(large.result.data!.eventRegistrations.edges.map((e: { node: { user: unknown } }) => e.node.user)).toEqual([
      { id: people[0], membership: { status: 'ACTIVE', tier: { name: 'Gold', eventDiscountPercent: 15 } } },
      { id: people[1], membership: { status: 'ACTIVE', tier: { name: 'Silver', eventDiscountPercent: 5 } } },
      { id: people[2], membership: { status: 'LAPSED', tier: { name: 'Silver', eventDiscountPercent: 5 } } },
      { id: people[3], membership: null },
      { id: people[4], membership: null },
    ]);
    expect(small.result.data!.eventRegistrations.edges).toHaveLength(2);
    expect(large.count).toBe(small.count);
    // Neither the memberships loader's batch nor the tiers loader's: both came with the list.
    expect(large.statements.filter((sql) => /\bmemberships\b|\bmembership_tiers\b/.test(sql) && !/event_registrations/.test(sql))).toEqual([]);

    // Staff who may list registrations but not see memberships (CHECK_IN) get the same refusal as before, and no membership.
    const doorStaff = await signUpUser(t);
    await t.sql(`UPDATE users SET staff_permissions = ARRAY['CHECK_IN'] WHERE id = $1`, [doorStaff.id]);
    const door = await t.gql(WITH_MEMBERSHIP, { e: full, first: 5 }, (await logIn(t, doorStaff.email, doorStaff.password)).accessToken);
    expect(door.data!.eventRegistrations.edges.map((e: { node: { user: { membership: unknown } } }) => e.node.user.membership)).toEqual([null, null, null, null, null]);
    expect(new Set(door.errors!.map((error) => error.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
    expect(door.errors!.map((error) => error.path!.join('.'))).toEqual(expect.arrayContaining(['eventRegistrations.edges.0.node.user.membership', 'eventRegistrations.edges.2.node.user.membership']));
    expect(JSON.stringify(door.data)).not.toMatch(/ACTIVE|LAPSED|Gold|Silver/);
  });

  it('reads only the membership and tier columns the rows ask for; the same person read elsewhere in the request gets every field', async () => {
    const listStatement = async (query: string) => {
      const { result, statements } = await countQueries(() => t.gql(query, { e: full, first: 5 }, admin.accessToken), dataStatements);
      expect(result.errors).toBeUndefined();
      return statements.filter((sql) => /event_registrations/.test(sql)).join('\n');
    };
    const lean = await listStatement(WITH_MEMBERSHIP);
    expect(lean).toMatch(/jm\.status/);
    expect(lean).not.toMatch(/jm\.current_period_end|jt\.description|jt\.price_amount/);
    const wider = await listStatement(WITH_MEMBERSHIP.replace('membership { status', 'membership { status currentPeriodEnd').replace('tier { name', 'tier { description price { amount } name'));
    expect(wider).toMatch(/jm\.current_period_end/);
    expect(wider).toMatch(/jt\.description/);
    expect(wider).toMatch(/jt\.price_amount/);

    // The rows' memberships (two columns asked) never reach the request's membership loader: another field asking
    // more of the same person gets the whole of it, whichever runs first.
    const [first] = (await t.sql<{ id: string }>(`SELECT user_id AS id FROM event_registrations WHERE event_id = $1 ORDER BY created_at, id LIMIT 1`, [full])).map((r) => r.id);
    await t.sql(`UPDATE membership_tiers SET description = 'The gold tier' WHERE name = 'Gold'`);
    const both = await t.gql(
      `query($e: ID!, $u: ID!) { eventRegistrations(eventId: $e, first: 5) { edges { node { user { id membership { status tier { name } } } } } }
         user(id: $u) { membership { status createdAt autoRenew tier { name description price { amount currency } } } } }`,
      { e: full, u: first },
      admin.accessToken,
    );
    expect(both.errors).toBeUndefined();
    expect(both.data!.eventRegistrations.edges[0].node.user).toEqual({ id: first, membership: { status: 'ACTIVE', tier: { name: 'Gold' } } });
    expect(both.data!.user.membership).toEqual({
      status: 'ACTIVE',
      createdAt: expect.any(String),
      autoRenew: expect.any(Boolean),
      tier: { name: 'Gold', description: 'The gold tier', price: { amount: expect.any(Number), currency: expect.any(String) } },
    });
  });

  it('a registrant and membership read with only some columns are carried on the row, never primed into the request\'s shared loaders', async () => {
    const parts = {
      details: false,
      user: true,
      membership: true,
      userFields: userFieldsAsked(new Set(['id', 'membership']), MEMBER_USER_FIELDS),
      membershipColumns: membershipColumnsAsked(new Set(['status', 'tier']), new Set(['name'])),
      key: 'lean',
    };
    const page = await t.app.get(RegistrationsRepository).listForEvent(full, undefined, { first: 5 }, parts);
    const rows = page.edges.map((edge) => edge.node);
    const ctx = { loaders: new RequestLoaders() } as RequestContext;
    t.app.get(EventsLoader).primeRegistrants(ctx, rows, parts);
    const row = rows.find((r) => r.membership)!;
    expect(row.membership).toMatchObject({ status: 'ACTIVE', tierRow: { name: 'Gold' } });
    expect(row.membership!.createdAt).toBeUndefined();
    const loaded = await ctx.loaders.load(t.app.get(MembersLoader).membershipByUserId(ctx), row.userId);
    expect(loaded!.createdAt).toBeInstanceOf(Date);
    expect(row.user).toEqual({ id: row.userId });
    const user = await ctx.loaders.load(t.app.get(UsersLoader).byId(ctx), row.userId);
    expect(user!.email).toMatch(/@/);
  });

  it('a registrant and membership read with the list answer without a loader call (no promise per row per field); others still load', async () => {
    const primed = await loaderCalls(() => t.gql(WITH_MEMBERSHIP, { e: full, first: 5 }, admin.accessToken));
    expect(primed.result.errors).toBeUndefined();
    expect(primed.result.data!.eventRegistrations.edges).toHaveLength(5);
    expect(primed.keys).toEqual([]);
    // A field nobody primed (the waitlist position) still goes through its loader, one key per row asked.
    const waitlisted = await loaderCalls(() => t.gql(ATTENDEES, { e: full, first: 5, status: 'WAITLISTED' }, admin.accessToken));
    expect(waitlisted.result.data!.eventRegistrations.edges.map((e: { node: { waitlistPosition: number } }) => e.node.waitlistPosition)).toEqual([1, 2, 3]);
    expect(waitlisted.keys).toHaveLength(3);
  });

  it('a cursor that is not one gives BAD_USER_INPUT naming after', async () => {
    for (const result of [await t.gql(MINE, { after: 'nope' }, member.accessToken), await t.gql(ATTENDEES, { e: full, after: 'nope' }, admin.accessToken)]) {
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(result.errors)).toContain('after');
    }
  });
});
