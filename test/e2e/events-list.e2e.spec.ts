import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CANCEL_REGISTRATION, createEvent, register } from '../factories/events.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { countQueries, dataStatements } from '../utils/count-queries.js';
import { startTestApp, TestApp } from '../utils/test-app.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const EVENT_FIELDS = `id title status startsAt endsAt seatsRemaining waitlistCount memberPrice { amount currency } registrationOpensAt registrationClosesAt cancelledAt
  sessions { id title startsAt endsAt ceCredits ceCategory }
  myRegistration { id status price { amount currency } holdExpiresAt offerExpiresAt endReason confirmedAt cancelledAt createdAt }
  onlineUrl`;

type Who = 'anonymous' | 'member' | 'other' | 'admin';

describe('events list: sessions and your registration read with the page, as the single event answers them', () => {
  let t: TestApp;
  let admin: TestUser;
  let member: TestUser;
  let other: TestUser;
  const window = new Date(Date.now() + 400 * DAY);
  const from = window.toISOString();
  const ids: string[] = [];
  const token = (who: Who) => ({ anonymous: undefined, member: member.accessToken, other: other.accessToken, admin: admin.accessToken })[who];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
    member = await signUpUser(t);
    other = await signUpUser(t);
    const at = (hours: number) => new Date(window.getTime() + hours * HOUR);
    // Sessions given out of order, with fractional credits and a category.
    ids.push(await createEvent(t, admin, {
      title: 'Listed zebra conference', startsAt: at(1), endsAt: at(30),
      sessions: [
        { title: 'Day two', startsAt: at(25), endsAt: at(30), ceCredits: 1.5, ceCategory: 'Ethics' },
        { title: 'Day one', startsAt: at(1), endsAt: at(6), ceCredits: 2.25 },
        { title: 'Day one, late', startsAt: at(7), endsAt: at(9), ceCredits: 0 },
      ],
    }));
    ids.push(await createEvent(t, admin, { title: 'Listed workshop A', startsAt: at(2) }));
    ids.push(await createEvent(t, admin, { title: 'Listed workshop B', startsAt: at(3), onlineUrl: null }));
    ids.push(await createEvent(t, admin, { title: 'Listed workshop C', startsAt: at(4), capacity: null }));
    // The member: a live registration (A), a cancelled one (B), a cancelled one then a live one (conference).
    expect((await register(t, member, ids[1])).errors).toBeUndefined();
    const cancelled = (await register(t, member, ids[2])).data!.registerForEvent.id;
    expect((await t.gql(CANCEL_REGISTRATION, { id: cancelled }, member.accessToken)).errors).toBeUndefined();
    const first = (await register(t, member, ids[0])).data!.registerForEvent.id;
    expect((await t.gql(CANCEL_REGISTRATION, { id: first }, member.accessToken)).errors).toBeUndefined();
    expect((await register(t, member, ids[0])).errors).toBeUndefined();
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(['anonymous', 'member', 'other', 'admin'] as Who[])('%s: each event of the page is what event(id) answers', async (who) => {
    const list = await t.gql(`query($from: DateTime) { events(first: 10, from: $from) { edges { node { ${EVENT_FIELDS} } } } }`, { from }, token(who));
    expect(list.errors).toBeUndefined();
    const nodes = list.data!.events.edges.map((e: { node: { id: string } }) => e.node);
    expect(nodes.map((n: { id: string }) => n.id)).toEqual(ids);
    for (const node of nodes) {
      const single = await t.gql(`query($id: ID!) { event(id: $id) { ${EVENT_FIELDS} } }`, { id: node.id }, token(who));
      expect(node).toEqual(single.data!.event);
    }
    expect(nodes[0].sessions.map((s: { title: string }) => s.title)).toEqual(['Day one', 'Day one, late', 'Day two']);
    expect(nodes[0].sessions.map((s: { ceCredits: number }) => s.ceCredits)).toEqual([2.25, 0, 1.5]);
    if (who === 'member') {
      expect(nodes.map((n: { myRegistration: { status: string } | null }) => n.myRegistration?.status ?? null)).toEqual(['CONFIRMED', 'CONFIRMED', 'CANCELLED', null]);
      expect(nodes[1].onlineUrl).toBe('https://meet.example.org/secret-room');
      expect(nodes[3].onlineUrl).toBeNull();
    } else {
      expect(nodes.every((n: { myRegistration: unknown }) => n.myRegistration === null)).toBe(true);
    }
  });

  it.each([
    ['sessions', 'id title startsAt seatsRemaining sessions { id title startsAt ceCredits }'],
    ['upcoming', 'id title startsAt seatsRemaining waitlistCount memberPrice { amount currency } sessions { title ceCredits } myRegistration { status }'],
    ['a fragment, an alias and the online link', '...on Event { when: endsAt nonMemberPrice { amount } } capacity onlineUrl'],
  ])('only the fields asked (%s): each event is what event(id) answers', async (_name, fields) => {
    const list = await t.gql(`query($from: DateTime) { events(first: 10, from: $from) { edges { node { ${fields} } } } }`, { from }, member.accessToken);
    expect(list.errors).toBeUndefined();
    expect(list.data!.events.edges).toHaveLength(ids.length);
    for (const [index, { node }] of list.data!.events.edges.entries()) {
      const single = await t.gql(`query($id: ID!) { event(id: $id) { ${fields} } }`, { id: ids[index] }, member.accessToken);
      expect(node).toEqual(single.data!.event);
    }
  });

  it('pages with its cursors, counts what the filter finds, and searches titles', async () => {
    const page = `query($from: DateTime, $after: String, $search: String) { events(first: 2, from: $from, after: $after, search: $search) { totalCount pageInfo { hasNextPage endCursor } edges { node { id sessions { title } } } } }`;
    const one = (await t.gql(page, { from }, member.accessToken)).data!.events;
    expect(one.totalCount).toBe(4);
    expect(one.pageInfo.hasNextPage).toBe(true);
    const two = (await t.gql(page, { from, after: one.pageInfo.endCursor }, member.accessToken)).data!.events;
    expect(two.pageInfo.hasNextPage).toBe(false);
    expect([...one.edges, ...two.edges].map((e: { node: { id: string } }) => e.node.id)).toEqual(ids);
    const found = (await t.gql(page, { from, search: 'zebra' }, member.accessToken)).data!.events;
    expect(found.totalCount).toBe(1);
    expect(found.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids[0]]);
  });

  it('reads only the session fields asked, in the list and through the loader; asked more elsewhere in the request, the sessions come whole', async () => {
    const listed = await countQueries(() => t.gql(`query($from: DateTime) { events(first: 2, from: $from) { edges { node { id sessions { title ceCredits } } } } }`, { from }, member.accessToken), dataStatements);
    expect(listed.result.errors).toBeUndefined();
    expect(listed.statements).toHaveLength(1);
    expect(listed.statements[0]).toMatch(/json_build_array\([^)]*c\.title/);
    expect(listed.statements[0]).not.toMatch(/c\.ce_category|c\.ends_at/);
    const single = await countQueries(() => t.gql(`query($id: ID!) { event(id: $id) { sessions { title } } }`, { id: ids[0] }, member.accessToken), dataStatements);
    const sessionsSql = single.statements.find((sql) => /FROM event_sessions c/.test(sql))!;
    expect(sessionsSql).toMatch(/c\.title/);
    expect(sessionsSql).not.toMatch(/c\.ce_category|c\.ends_at|c\.ce_credits/);
    // The page's sessions (two fields) answer only fields asking those: event(id) asking more in the same request gets every field.
    const both = await t.gql(
      `query($from: DateTime, $id: ID!) { events(first: 1, from: $from) { edges { node { sessions { title } } } } event(id: $id) { sessions { title endsAt ceCategory } } }`,
      { from, id: ids[0] },
      member.accessToken,
    );
    expect(both.errors).toBeUndefined();
    expect(both.data!.events.edges[0].node.sessions).toEqual([{ title: 'Day one' }, { title: 'Day one, late' }, { title: 'Day two' }]);
    expect(both.data!.event.sessions.map((s: { ceCategory: string | null }) => s.ceCategory)).toEqual([null, null, 'Ethics']);
    expect(both.data!.event.sessions.every((s: { endsAt: string }) => !Number.isNaN(Date.parse(s.endsAt)))).toBe(true);
  });

  it('reads only your registration\'s lean columns when those are all it asks; asked more elsewhere in the request, it comes whole', async () => {
    const lean = await countQueries(
      () => t.gql(`query($from: DateTime) { events(first: 4, from: $from) { edges { node { id myRegistration { id status event { id } user { id } } onlineUrl } } } }`, { from }, member.accessToken),
      dataStatements,
    );
    expect(lean.result.errors).toBeUndefined();
    expect(lean.statements.filter((sql) => /event_registrations/.test(sql))).toHaveLength(1);
    const join = lean.statements[0].slice(lean.statements[0].indexOf('LEFT JOIN LATERAL'));
    expect(join).toMatch(/c\.status/);
    expect(join).not.toMatch(/c\.price_amount|c\.check_in_code|c\.checkout_url|c\.hold_expires_at/);
    // The event's and the person's ids are not sent with the registration: the list has both.
    expect(lean.statements[0]).not.toMatch(/"r\.eventId"|"r\.userId"/);
    for (const { node } of lean.result.data!.events.edges as Array<{ node: { id: string; myRegistration: { event: { id: string }; user: { id: string } } | null } }>) {
      if (node.myRegistration) expect([node.myRegistration.event.id, node.myRegistration.user.id]).toEqual([node.id, member.id]);
    }
    const statuses = lean.result.data!.events.edges.map((e: { node: { myRegistration: { status: string } | null } }) => e.node.myRegistration?.status ?? null);
    expect(statuses).toEqual(['CONFIRMED', 'CONFIRMED', 'CANCELLED', null]);
    // The conference's online link: shown to its confirmed registrant from the lean row.
    expect(lean.result.data!.events.edges[0].node.onlineUrl).toEqual(expect.any(String));
    // The same registrations asked for more in one request (the single event, another list, and under the lean rows
    // themselves, resolved only once the lean list has handed its rows to its loader): each answers in full.
    const both = await t.gql(
      `query($from: DateTime, $id: ID!) {
        few: events(first: 2, from: $from) { edges { node { myRegistration { status event { myRegistration { price { amount } } } } } } }
        more: events(first: 2, from: $from) { edges { node { myRegistration { status price { amount currency } confirmedAt } onlineUrl } } }
        event(id: $id) { myRegistration { status price { currency } createdAt } }
      }`,
      { from, id: ids[1] },
      member.accessToken,
    );
    expect(both.errors).toBeUndefined();
    const under = both.data!.few.edges.map((e: { node: { myRegistration: { event: { myRegistration: { price: { amount: number } } } } } }) => e.node.myRegistration.event.myRegistration.price.amount);
    expect(under.every((amount: number) => Number.isInteger(amount))).toBe(true);
    const more = both.data!.more.edges.map((e: { node: { myRegistration: { status: string; price: { amount: number; currency: string }; confirmedAt: string } } }) => e.node.myRegistration);
    expect(more.every((r: { price: { amount: number; currency: string }; confirmedAt: string }) => Number.isInteger(r.price.amount) && r.price.currency.length === 3 && !Number.isNaN(Date.parse(r.confirmedAt)))).toBe(true);
    expect(both.data!.few.edges.map((e: { node: { myRegistration: { status: string } } }) => e.node.myRegistration.status)).toEqual(more.map((r: { status: string }) => r.status));
    expect(both.data!.event.myRegistration).toEqual({ status: 'CONFIRMED', price: { currency: expect.any(String) }, createdAt: expect.any(String) });
  });

  it('one statement for the page with its sessions and your registration, whatever the page size', async () => {
    const upcoming = `query($first: Int, $from: DateTime) { events(first: $first, from: $from) { edges { node { id seatsRemaining waitlistCount memberPrice { amount } sessions { title ceCredits } myRegistration { status } onlineUrl } } } }`;
    const small = await countQueries(() => t.gql(upcoming, { first: 1, from }, member.accessToken), dataStatements);
    const large = await countQueries(() => t.gql(upcoming, { first: 4, from }, member.accessToken), dataStatements);
    expect(large.result.errors).toBeUndefined();
    expect(large.result.data!.events.edges).toHaveLength(4);
    expect(small.count).toBe(large.count);
    expect(large.count).toBe(1); // page (the viewer's session lookup is not counted: dataStatements)
    const anonymous = await countQueries(() => t.gql(upcoming, { first: 4, from }), dataStatements);
    expect(anonymous.count).toBe(1); // page
  });
});
