import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backdateMeeting, createGroup, goodStandingTier, joinGroup, memberInGoodStanding, UPCOMING } from '../factories/communities.js';
import { createAdminUser, TestUser } from '../factories/users.js';
import { countQueries, dataStatements } from '../utils/count-queries.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

/** Every field, some reached by two paths (meeting roles and check-ins both under upcomingMeetings and meetings). */
const EVERYTHING = `query($first: Int) { studyGroups(first: $first, topic: "Query load") { totalCount pageInfo { hasNextPage endCursor } edges { node {
  id name memberCount spotsLeft meetingRoles { role } viewerMembership { status }
  members { role user { fullName } } goals { title progress } accountabilityPairs { round members { fullName } }
  rotationBalance { role turns user { fullName } }
  upcomingMeetings(count: 3) { startsAt roles { role user { fullName } } notes checkIns { done } }
  meetings(first: 2) { totalCount edges { node { id notes attendance { present user { fullName } } checkIns { done user { fullName } } roles { role } } } }
} } } }`;

/** Each loader reached by one path only: the statement count is exact. */
const ONE_PATH = `query($first: Int) { studyGroups(first: $first, topic: "Query load") { edges { node {
  id memberCount meetingRoles { role } members { role user { fullName } } goals { title }
  upcomingMeetings(count: 3) { startsAt roles { role } notes checkIns { done } attendance { present } }
} } } }`;

/** The statements of a request, with their parameters' shapes folded, counted per kind. */
const kinds = (statements: string[]) => {
  const counts = new Map<string, number>();
  for (const sql of statements) {
    const kind = sql.replace(/\s+/g, ' ').slice(0, 160);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return counts;
};

describe('study groups: lists, paging and statements per request', () => {
  let t: TestApp;
  let admin: TestUser;
  let organiser: TestUser;
  let member: TestUser;
  const groups: string[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
    const tierId = await goodStandingTier(t, admin);
    organiser = await memberInGoodStanding(t, tierId, 'Load Organiser');
    member = await memberInGoodStanding(t, tierId, 'Load Member');
    const others = [await memberInGoodStanding(t, tierId), await memberInGoodStanding(t, tierId)];
    for (let i = 0; i < 8; i++) {
      const id = await createGroup(t, organiser, { name: `Group ${String.fromCharCode(65 + i)}`, topic: 'Query load' });
      groups.push(id);
      for (const p of [member, ...others]) await joinGroup(t, p, id);
      const [past, next] = (await t.gql(UPCOMING, { id, count: 2 })).data!.studyGroup.upcomingMeetings as Array<{ id: string }>;
      await backdateMeeting(t, past.id);
      await t.gql(`mutation($id: ID!) { assignMeetingRoles(meetingId: $id) { id } }`, { id: next.id }, organiser.accessToken);
      await t.gql(`mutation($id: ID!, $ids: [ID!]!) { recordAttendance(meetingId: $id, userIds: $ids) { id } }`, { id: past.id, ids: [organiser.id, member.id] }, organiser.accessToken);
      await t.gql(`mutation($id: ID!) { logAccountabilityCheckIn(meetingId: $id, input: { done: "Read", next: "Write" }) { id } }`, { id: past.id }, member.accessToken);
      await t.gql(`mutation($g: ID!) { addGroupGoal(groupId: $g, input: { title: "Goal" }) { id } }`, { g: id }, member.accessToken);
      await t.gql(`mutation($g: ID!) { pairAccountabilityPartners(groupId: $g) { round } }`, { g: id }, organiser.accessToken);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each([['an admin'], ['a member of every group']])('as %s: exactly the same statements for 2 groups as for 8 when each loader has one path', async (who) => {
    const token = who === 'an admin' ? admin.accessToken : member.accessToken;
    await t.gql(ONE_PATH, { first: 8 }, token); // writes any meeting rows still missing
    const small = await countQueries(() => t.gql(ONE_PATH, { first: 2 }, token), dataStatements);
    const large = await countQueries(() => t.gql(ONE_PATH, { first: 8 }, token), dataStatements);
    expect(small.result.errors).toBeUndefined();
    expect(large.result.data!.studyGroups.edges).toHaveLength(8);
    const nodes = large.result.data!.studyGroups.edges.map((e: { node: Record<string, any> }) => e.node);
    expect(nodes.every((n: Record<string, any>) => n.members.length === 4 && n.upcomingMeetings.length === 3 && n.goals.length === 1)).toBe(true);
    expect(large.count).toBe(small.count);
    // page, member counts, roles, members, users, goals, upcoming meetings, assignments, check-ins, attendance
    // (+ the guards' own membership lookup for a member; the viewer's session lookup is not counted: dataStatements).
    expect(large.count).toBeLessThanOrEqual(11);
  });

  it.each([
    ['an admin', 1],
    ['a member of the group', 2],
  ])('as %s: studyGroup { members { user } upcomingMeetings } reads the people and the current meetings with the group (%i statements)', async (who, expected) => {
    const token = who === 'an admin' ? admin.accessToken : member.accessToken;
    const q = `query($id: ID!) { studyGroup(id: $id) { id name members { role user { fullName } } upcomingMeetings(count: 4) { id startsAt endsAt } } }`;
    await t.gql(q, { id: groups[0] }, token); // writes any meeting rows still missing
    const { result, count } = await countQueries(() => t.gql(q, { id: groups[0] }, token), dataStatements);
    expect(result.errors).toBeUndefined();
    const group = result.data!.studyGroup;
    expect(group.members).toHaveLength(4);
    const members: Array<{ role: string; user: { fullName: string } }> = group.members;
    expect(members.filter((m) => m.role === 'FACILITATOR').map((m) => m.user.fullName)).toEqual(['Load Organiser']);
    expect(members.map((m) => m.user.fullName)).toContain('Load Member');
    expect(group.upcomingMeetings).toHaveLength(4);
    // the group with its members, their users and its current meetings (one statement) (+ the guard's membership lookup for a member)
    expect(count).toBe(expected);
  });

  it('studyGroup reads the current meetings with the group: the same upcoming meetings as the list path, and still writes the missing ones', async () => {
    const fields = 'upcomingMeetings(count: 5) { id startsAt endsAt notes }';
    const listed = await t.gql(`{ studyGroups(first: 8, topic: "Query load") { edges { node { id ${fields} } } } }`, {}, admin.accessToken);
    const byId = new Map(listed.data!.studyGroups.edges.map((e: { node: { id: string; upcomingMeetings: unknown } }) => [e.node.id, e.node.upcomingMeetings]));
    for (const id of groups.slice(0, 3)) {
      const one = await t.gql(`query($id: ID!) { studyGroup(id: $id) { ${fields} } }`, { id }, admin.accessToken);
      expect(one.errors).toBeUndefined();
      expect(one.data!.studyGroup.upcomingMeetings).toHaveLength(5);
      expect(one.data!.studyGroup.upcomingMeetings).toEqual(byId.get(id));
    }
    // With the next meeting rows gone, the group's own read finds them missing and writes them again.
    await t.sql(`DELETE FROM group_meetings WHERE group_id = $1 AND starts_at > now() + interval '21 days'`, [groups[3]]);
    const again = await t.gql(`query($id: ID!) { studyGroup(id: $id) { upcomingMeetings(count: 6) { id startsAt } } }`, { id: groups[3] }, admin.accessToken);
    expect(again.errors).toBeUndefined();
    expect(again.data!.studyGroup.upcomingMeetings).toHaveLength(6);
    const rows = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM group_meetings WHERE group_id = $1 AND id = ANY($2::uuid[])`, [groups[3], again.data!.studyGroup.upcomingMeetings.map((m: { id: string }) => m.id)]);
    expect(rows[0].n).toBe(6);
  });

  it('studyGroup reads its members with the group: the same members, order, times and users as the list path reads', async () => {
    const fields = `members { role status requestedAt joinedAt user { id fullName createdAt } }`;
    for (const token of [admin.accessToken, member.accessToken]) {
      const one = await countQueries(() => t.gql(`query($id: ID!) { studyGroup(id: $id) { id ${fields} } }`, { id: groups[2] }, token), dataStatements);
      const listed = await t.gql(`{ studyGroups(first: 8, topic: "Query load") { edges { node { id ${fields} } } } }`, {}, token);
      expect(one.result.errors).toBeUndefined();
      const fromList = listed.data!.studyGroups.edges.map((e: { node: { id: string } }) => e.node).find((n: { id: string }) => n.id === groups[2]);
      expect(one.result.data!.studyGroup.members).toHaveLength(4);
      expect(one.result.data!.studyGroup).toEqual(fromList);
      // No statement of the members loader's own (the group's statement carried them).
      expect(one.statements.filter((sql) => /FROM study_group_members c\b[\s\S]*c\.group_id = ANY\(/.test(sql))).toEqual([]);
      expect(listed.errors).toBeUndefined();
    }
  });

  it('reads only the user columns the members ask for, with the group and through the loader; the same person asked elsewhere gets every field', async () => {
    const groupStatement = async (query: string, variables: Record<string, unknown>) => {
      const { result, statements } = await countQueries(() => t.gql(query, variables, admin.accessToken), dataStatements);
      expect(result.errors).toBeUndefined();
      return { result, sql: statements.filter((sql) => /study_group_members/.test(sql)).join('\n') };
    };
    const one = `query($id: ID!) { studyGroup(id: $id) { members { user { fullName } } } }`;
    const lean = await groupStatement(one, { id: groups[1] });
    expect(lean.sql).toMatch(/u\.full_name/);
    expect(lean.sql).not.toMatch(/u\.email|u\.created_at|u\.staff_permissions/);
    const wider = await groupStatement(one.replace('user { fullName }', 'user { fullName email createdAt }'), { id: groups[1] });
    expect(wider.sql).toMatch(/u\.email/);
    expect(wider.sql).toMatch(/u\.created_at/);
    expect(wider.result.data!.studyGroup.members.map((m: { user: { email: string } }) => m.user.email)).toContain(member.email);
    // The list path (the members loader's own statement) reads the same few columns.
    const listed = await groupStatement(`{ studyGroups(first: 2, topic: "Query load") { edges { node { members { user { fullName } } } } } }`, {});
    expect(listed.sql).toMatch(/u\.full_name/);
    expect(listed.sql).not.toMatch(/u\.email|u\.created_at/);

    // The members' users (one column) ride on their rows: the same person read through the users loader gets every field.
    const both = await t.gql(
      `query($id: ID!, $u: ID!) { studyGroup(id: $id) { members { user { id fullName } } } user(id: $u) { id fullName email createdAt } }`,
      { id: groups[1], u: member.id },
      admin.accessToken,
    );
    expect(both.errors).toBeUndefined();
    expect(both.data!.studyGroup.members).toContainEqual({ user: { id: member.id, fullName: 'Load Member' } });
    expect(both.data!.user).toEqual({ id: member.id, fullName: 'Load Member', email: member.email, createdAt: expect.any(String) });
  });

  it('reads only the member columns asked (with the keys); the same members asked for more in one request answer in full', async () => {
    const lean = await countQueries(() => t.gql(`query($id: ID!) { studyGroup(id: $id) { members { role } } }`, { id: groups[2] }, admin.accessToken), dataStatements);
    expect(lean.result.errors).toBeUndefined();
    const sql = lean.statements.find((s) => /study_group_members/.test(s))!;
    // Each member travels as the array of its outputs: the person's id and the one field asked, nothing else.
    expect(/json_build_array\(([^)]*)\)/.exec(sql)?.[1]).toBe('c.user_id, c.role');
    const both = await t.gql(
      `query($id: ID!) { few: studyGroup(id: $id) { members { role user { fullName } } } more: studyGroup(id: $id) { members { role status requestedAt joinedAt user { fullName } } } }`,
      { id: groups[2] },
      admin.accessToken,
    );
    expect(both.errors).toBeUndefined();
    const more: Array<{ role: string; status: string; requestedAt: string; joinedAt: string; user: { fullName: string } }> = both.data!.more.members;
    expect(more).toHaveLength(4);
    expect(more.every((m) => m.status === 'ACTIVE' && !Number.isNaN(Date.parse(m.requestedAt)) && !Number.isNaN(Date.parse(m.joinedAt)) && m.user.fullName.length > 0)).toBe(true);
    expect(both.data!.few.members).toEqual(more.map((m) => ({ role: m.role, user: m.user })));
  });

  it('studyGroup without a signed-in viewer reads no members with the group (members are refused anyway)', async () => {
    const anonymous = await countQueries(() => t.gql(`query($id: ID!) { studyGroup(id: $id) { id members { role } } }`, { id: groups[2] }), dataStatements);
    expect(errorCode(anonymous.result)).toBe('UNAUTHENTICATED');
    expect(anonymous.statements.filter((sql) => /study_group_members/.test(sql))).toEqual([]);
  });

  it.each([['an admin'], ['a member of every group']])('as %s, with every field: no statement per row, the same kinds of statement for 2 groups as for 8', async (who) => {
    const token = who === 'an admin' ? admin.accessToken : member.accessToken;
    await t.gql(EVERYTHING, { first: 8 }, token);
    const small = await countQueries(() => t.gql(EVERYTHING, { first: 2 }, token), dataStatements);
    const large = await countQueries(() => t.gql(EVERYTHING, { first: 8 }, token), dataStatements);
    expect(small.result.errors).toBeUndefined();
    expect(large.result.errors).toBeUndefined();
    const nodes = large.result.data!.studyGroups.edges.map((e: { node: Record<string, any> }) => e.node);
    expect(nodes).toHaveLength(8);
    expect(nodes.every((n: Record<string, any>) => n.meetings.edges[0].node.attendance.length === 4 && n.meetings.edges[0].node.checkIns.length === 1 && n.accountabilityPairs.length === 2)).toBe(true);
    // A loader reached along several paths (the guard's membership check, a group's field, a meeting's
    // field) may run once per path, depending on which answers arrive in the same tick: up to 3 was seen
    // on a loaded machine. Never once per row: 8 groups, 40 meetings and dozens of people here.
    const few = kinds(small.statements);
    const many = kinds(large.statements);
    expect([...many.keys()].sort()).toEqual([...few.keys()].sort());
    expect(Math.max(...many.values())).toBeLessThanOrEqual(3);
    expect(large.count).toBeLessThanOrEqual(few.size + 4);
  });

  it('pages the catalogue by name with stable cursors, and refuses forged ones naming `after`', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await t.gql(`query($after: String) { studyGroups(first: 3, after: $after, topic: "query LOAD") { pageInfo { hasNextPage endCursor } edges { node { name } } } }`, { after });
      seen.push(...page.data!.studyGroups.edges.map((e: { node: { name: string } }) => e.node.name));
      if (!page.data!.studyGroups.pageInfo.hasNextPage) break;
      after = page.data!.studyGroups.pageInfo.endCursor;
    }
    expect(seen).toEqual(['Group A', 'Group B', 'Group C', 'Group D', 'Group E', 'Group F', 'Group G', 'Group H']);
    const forged = Buffer.from(JSON.stringify(['x', "'; DROP TABLE study_groups; --"])).toString('base64url');
    const refused = await t.gql(`query($after: String) { studyGroups(after: $after) { totalCount } }`, { after: forged });
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].extensions.fields![0].path).toBe('after');
    expect(errorCode(await t.gql(`{ studyGroups(first: 101) { totalCount } }`))).toBe('BAD_USER_INPUT');
    const search = await t.gql(`{ studyGroups(search: "CURRICULUM group", topic: "Query load") { totalCount } }`);
    expect(search.data!.studyGroups.totalCount).toBe(8);
    expect((await t.gql(`{ studyGroups(search: "xylophone") { totalCount } }`)).data!.studyGroups.totalCount).toBe(0);
    const wildcard = await t.gql(`{ studyGroups(search: "%") { totalCount } }`);
    expect(wildcard.data!.studyGroups.totalCount).toBe(0);
  });

  it('pages a group\'s meetings in time order', async () => {
    const q = `query($id: ID!, $after: String) { studyGroup(id: $id) { meetings(first: 5, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { startsAt } } } } }`;
    const starts: string[] = [];
    let after: string | undefined;
    let total = 0;
    for (;;) {
      const page = (await t.gql(q, { id: groups[0], after })).data!.studyGroup.meetings;
      total = page.totalCount;
      starts.push(...page.edges.map((e: { node: { startsAt: string } }) => e.node.startsAt));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(starts).toHaveLength(total);
    expect([...starts].sort()).toEqual(starts);
  });

  it('myStudyGroups lists the groups you are in', async () => {
    const mine = await t.gql(`{ myStudyGroups { id } }`, {}, member.accessToken);
    expect(mine.data!.myStudyGroups.map((g: { id: string }) => g.id).sort()).toEqual([...groups].sort());
  });
});
