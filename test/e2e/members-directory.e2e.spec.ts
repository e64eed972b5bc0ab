import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { applyFor, createTier } from '../factories/tiers.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { countQueries, dataStatements } from '../utils/count-queries.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

const DIRECTORY = `query($first: Int, $after: String, $search: String, $skills: [String!], $location: String) {
  memberDirectory(first: $first, after: $after, search: $search, skills: $skills, location: $location) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id fullName headline skills location } } } }`;

describe('member directory', () => {
  let t: TestApp;
  let admin: TestUser;
  const listed: TestUser[] = [];
  let hidden: TestUser;
  let lapsed: TestUser;
  let viewer: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
    const tierId = await createTier(t, admin);
    const profiles = [
      { fullName: 'Alice Archer', headline: 'Data scientist', skills: ['python', 'statistics'], location: 'Berlin' },
      { fullName: 'Bob Baker', headline: 'Backend engineer', skills: ['go', 'postgres'], location: 'Boston' },
      { fullName: 'Carol Data', headline: 'Product manager', skills: ['roadmaps'], location: 'Berlin' },
      { fullName: 'Dan Diaz', headline: 'Data engineer', skills: ['python', 'spark'], location: 'Denver' },
      { fullName: 'Eve Evans', headline: 'Designer', skills: ['figma'], location: 'Edinburgh' },
    ];
    for (const profile of profiles) {
      const member = await signUpUser(t, { fullName: profile.fullName });
      await t.gql(`mutation($input: UpdateProfileInput!) { updateMyProfile(input: $input) { id } }`, { input: { headline: profile.headline, skills: profile.skills, location: profile.location, directoryVisible: true } }, member.accessToken);
      await applyFor(t, member, tierId);
      listed.push(member);
    }
    hidden = await signUpUser(t, { fullName: 'Hidden Data Person' });
    await applyFor(t, hidden, tierId); // in good standing but not opted in
    lapsed = await signUpUser(t, { fullName: 'Lapsed Data Person' });
    await t.gql(`mutation { updateMyProfile(input: { directoryVisible: true, headline: "Data" }) { id } }`, {}, lapsed.accessToken);
    const id = (await applyFor(t, lapsed, tierId)).data!.applyForMembership.id;
    await t.sql(`UPDATE memberships SET status = 'LAPSED' WHERE id = $1`, [id]);
    viewer = listed[0];
  });
  afterAll(async () => {
    await t?.close();
  });

  const names = (result: { data?: any }) => result.data!.memberDirectory.edges.map((e: { node: { fullName: string } }) => e.node.fullName);

  it('lists opted-in members in good standing by name, and nobody else', async () => {
    const result = await t.gql(DIRECTORY, { first: 20 }, viewer.accessToken);
    expect(names(result)).toEqual(['Alice Archer', 'Bob Baker', 'Carol Data', 'Dan Diaz', 'Eve Evans']);
    expect(result.data!.memberDirectory.totalCount).toBe(5);
  });

  it('ranks by relevance then name: a name match beats a headline match', async () => {
    const result = await t.gql(DIRECTORY, { search: 'data' }, viewer.accessToken);
    expect(names(result)).toEqual(['Carol Data', 'Alice Archer', 'Dan Diaz']);
  });

  it('matches prefixes and several words, and filters by skills and location', async () => {
    expect(names(await t.gql(DIRECTORY, { search: 'eng pyth' }, viewer.accessToken))).toEqual(['Dan Diaz']);
    expect(names(await t.gql(DIRECTORY, { skills: ['Python'] }, viewer.accessToken))).toEqual(['Alice Archer', 'Dan Diaz']);
    expect(names(await t.gql(DIRECTORY, { location: 'berl' }, viewer.accessToken))).toEqual(['Alice Archer', 'Carol Data']);
  });

  it('pages with stable keyset cursors, with and without a search term', async () => {
    for (const search of [undefined, 'data']) {
      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await t.gql(DIRECTORY, { first: 2, after, search }, viewer.accessToken);
        seen.push(...names(page));
        if (!page.data!.memberDirectory.pageInfo.hasNextPage) break;
        after = page.data!.memberDirectory.pageInfo.endCursor;
      }
      const all = names(await t.gql(DIRECTORY, { first: 50, search }, viewer.accessToken));
      expect(seen).toEqual(all);
    }
  });

  it('refuses a forged cursor with BAD_USER_INPUT on `after`', async () => {
    const forged = Buffer.from(JSON.stringify([0, 'x', "'; DROP TABLE users; --"])).toString('base64url');
    const result = await t.gql(DIRECTORY, { after: forged }, viewer.accessToken);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions.fields![0].path).toBe('after');
  });

  it('does not show emails or memberships of other people', async () => {
    const result = await t.gql(`{ memberDirectory(first: 5) { edges { node { email } } } }`, {}, viewer.accessToken);
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(JSON.stringify(result)).not.toContain(listed[1].email);
    const membership = await t.gql(`{ memberDirectory(first: 5) { edges { node { membership { status } } } } }`, {}, viewer.accessToken);
    expect(errorCode(membership)).toBe('FORBIDDEN');
  });

  it('needs a signed-in viewer', async () => {
    expect(errorCode(await t.gql(DIRECTORY, {}))).toBe('UNAUTHENTICATED');
  });

  it('runs the same number of statements for 2 rows as for 5, with the tier of each membership', async () => {
    const q = `query($first: Int) { users(first: $first) { edges { node { id membership { status tier { name } periods { source } } } } } }`;
    const small = await countQueries(() => t.gql(q, { first: 2 }, admin.accessToken), dataStatements);
    const large = await countQueries(() => t.gql(q, { first: 8 }, admin.accessToken), dataStatements);
    expect(small.result.errors).toBeUndefined();
    expect(large.result.data!.users.edges.length).toBeGreaterThan(2);
    expect(large.count).toBe(small.count);
    // page, memberships, tiers, periods
    expect(large.count).toBeLessThanOrEqual(4);
  });

  it('reads the profile fields of a page of 20 people with the page itself: one statement', async () => {
    const q = `query($first: Int) { users(first: $first) { edges { node { id headline bio location employer skills directoryVisible } } } }`;
    const { result, count, statements } = await countQueries(() => t.gql(q, { first: 20 }, admin.accessToken), dataStatements);
    expect(result.errors).toBeUndefined();
    expect(result.data!.users.edges.length).toBeGreaterThan(5);
    expect(result.data!.users.edges.find((e: { node: { id: string } }) => e.node.id === listed[1].id).node).toMatchObject({ headline: 'Backend engineer', skills: ['go', 'postgres'], directoryVisible: true });
    expect(result.data!.users.edges.find((e: { node: { id: string } }) => e.node.id === admin.id).node).toMatchObject({ headline: null, skills: [], directoryVisible: false });
    expect(statements.filter((sql) => /FROM "?member_profiles"?/.test(sql))).toHaveLength(0);
    expect(count).toBe(1);
  });

  it('answers the directory page the bench reads in one statement, whatever its size', async () => {
    const q = `query($first: Int) { memberDirectory(first: $first) { edges { node { id fullName headline location employer skills } } } }`;
    const small = await countQueries(() => t.gql(q, { first: 2 }, viewer.accessToken), dataStatements);
    const large = await countQueries(() => t.gql(q, { first: 20 }, viewer.accessToken), dataStatements);
    expect(large.result.errors).toBeUndefined();
    expect(large.result.data!.memberDirectory.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { id: listed[0].id, fullName: 'Alice Archer', headline: 'Data scientist', location: 'Berlin', employer: null, skills: ['python', 'statistics'] },
      { id: listed[1].id, fullName: 'Bob Baker', headline: 'Backend engineer', location: 'Boston', employer: null, skills: ['go', 'postgres'] },
      { id: listed[2].id, fullName: 'Carol Data', headline: 'Product manager', location: 'Berlin', employer: null, skills: ['roadmaps'] },
      { id: listed[3].id, fullName: 'Dan Diaz', headline: 'Data engineer', location: 'Denver', employer: null, skills: ['python', 'spark'] },
      { id: listed[4].id, fullName: 'Eve Evans', headline: 'Designer', location: 'Edinburgh', employer: null, skills: ['figma'] },
    ]);
    expect(small.count).toBe(1);
    expect(large.count).toBe(1);
  });

  it('shows createdAt on a page that asks for it', async () => {
    const q = `{ users(first: 20) { edges { node { id createdAt } } } }`;
    const result = await t.gql(q, {}, admin.accessToken);
    expect(result.errors).toBeUndefined();
    const [row] = await t.sql(`SELECT created_at FROM users WHERE id = $1`, [listed[1].id]);
    const node = result.data!.users.edges.find((e: { node: { id: string } }) => e.node.id === listed[1].id).node;
    expect(new Date(node.createdAt).getTime()).toBe(new Date(row.created_at).getTime());
  });

  it('loads the profile fields of a list that does not read them itself in one statement', async () => {
    const q = `{ staffAccounts(first: 20) { edges { node { id headline skills directoryVisible } } } }`;
    const { result, statements } = await countQueries(() => t.gql(q, {}, admin.accessToken), dataStatements);
    expect(result.errors).toBeUndefined();
    expect(result.data!.staffAccounts.edges.find((e: { node: { id: string } }) => e.node.id === admin.id).node).toEqual({ id: admin.id, headline: null, skills: [], directoryVisible: false });
    expect(statements.filter((sql) => /FROM "?member_profiles"?/.test(sql))).toHaveLength(1);
  });

  it('gives skills back as they were saved, characters of the text-array syntax included, in the directory and from the profile loader', async () => {
    const member = listed[3];
    const skills = ['a, b', 'say "hi"', '{braces}', 'back\\slash', 'null', 'müller', 'c++'];
    const saved = await t.gql(`mutation($skills: [String!]) { updateMyProfile(input: { skills: $skills }) { skills } }`, { skills }, member.accessToken);
    expect(saved.errors).toBeUndefined();
    const stored: string[] = saved.data!.updateMyProfile.skills;
    expect(stored).toHaveLength(skills.length);
    const listedNode = (await t.gql(DIRECTORY, { search: 'diaz' }, viewer.accessToken)).data!.memberDirectory.edges[0].node;
    expect(listedNode.skills).toEqual(stored);
    const loaded = await t.gql(`query($id: ID!) { user(id: $id) { skills } }`, { id: member.id }, admin.accessToken);
    expect(loaded.errors).toBeUndefined();
    expect(loaded.data!.user.skills).toEqual(stored);
    const [row] = await t.sql<{ skills: string[] }>(`SELECT skills FROM member_profiles WHERE user_id = $1`, [member.id]);
    expect(row.skills).toEqual(stored);
  });

  it('finds a member by their new name after a rename, and no longer by the old one', async () => {
    const member = listed[4];
    const renamed = await t.gql(`mutation { updateMyProfile(input: { fullName: "Evelyn Quartermaine" }) { fullName headline } }`, {}, member.accessToken);
    expect(renamed.data!.updateMyProfile).toEqual({ fullName: 'Evelyn Quartermaine', headline: 'Designer' });
    expect(names(await t.gql(DIRECTORY, { search: 'quarterm' }, viewer.accessToken))).toEqual(['Evelyn Quartermaine']);
    expect(names(await t.gql(DIRECTORY, { search: 'evans' }, viewer.accessToken))).toEqual([]);
  });
});
