import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { applyOk, approve, closeCohort, createCohort, createProgram, PROPOSE, publishedCohort } from '../factories/mentoring.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { countQueries, dataStatements } from '../utils/count-queries.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

/** Statements per request must not grow with the page: every field that loads data goes through a per-request loader. */
describe('mentoring: statements per request', () => {
  let t: TestApp;
  let admin: TestUser;
  let programId: string;
  let cohortId: string;
  let mentor: TestUser;
  const mentees: TestUser[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
    programId = await createProgram(t, admin);
    mentor = await signUpUser(t, { fullName: 'Mentor Many' });
    for (let i = 0; i < 5; i += 1) mentees.push(await signUpUser(t, { fullName: `Mentee ${i}` }));
    // A published cohort: one mentor with five mentees, each pair with a goal and a check-in.
    const published = await publishedCohort(t, admin, { programId, mentors: [{ user: mentor, capacity: 5 }], mentees });
    cohortId = published.cohortId;
    for (const pair of published.pairs) {
      const mentee = mentees.find((m) => m.id === pair.mentee.id)!;
      await t.gql(`mutation($id: ID!) { setGoal(pairId: $id, input: { title: "Goal" }) { id } }`, { id: pair.id }, mentee.accessToken);
      await t.gql(`mutation($id: ID!, $at: DateTime!) { logCheckIn(pairId: $id, input: { happenedAt: $at, durationMinutes: 45 }) { id } }`, { id: pair.id, at: new Date().toISOString() }, mentee.accessToken);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('cohort { applications(first: N) { … user { fullName } } }: the same statements for 2 rows as for 6', async () => {
    const q = `query($id: ID!, $first: Int) { cohort(id: $id) { applications(first: $first) { edges { node { id role user { fullName } } } } } }`;
    const small = await countQueries(() => t.gql(q, { id: cohortId, first: 2 }, admin.accessToken), dataStatements);
    const large = await countQueries(() => t.gql(q, { id: cohortId, first: 6 }, admin.accessToken), dataStatements);
    expect(small.result.errors).toBeUndefined();
    expect(small.result.data!.cohort.applications.edges).toHaveLength(2);
    expect(large.result.data!.cohort.applications.edges).toHaveLength(6);
    expect(large.count).toBe(small.count);
    // cohort, one page of applications, their users
    expect(large.count).toBeLessThanOrEqual(3);
  });

  it('pages through applications with keyset cursors, filtered by role, and refuses a forged cursor', async () => {
    const q = `query($id: ID!, $after: String, $role: MentoringRole) { cohort(id: $id) { applications(first: 2, after: $after, role: $role) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } }`;
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = (await t.gql(q, { id: cohortId, after, role: 'MENTEE' }, admin.accessToken)).data!.cohort.applications;
      expect(page.totalCount).toBe(5);
      seen.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(5);
    const forged = Buffer.from(JSON.stringify(['not a date', "'; DROP TABLE users; --"])).toString('base64url');
    const refused = await t.gql(q, { id: cohortId, after: forged }, admin.accessToken);
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].extensions.fields![0].path).toBe('after');
    expect(errorCode(await t.gql(`query($id: ID!) { cohort(id: $id) { applications(first: 101) { totalCount } } }`, { id: cohortId }, admin.accessToken))).toBe('BAD_USER_INPUT');
  });

  it('myMentoring with cohort, program, people, goals and check-ins: the same statements for 1 pair as for 5', async () => {
    const q = `{ myMentoring { id atRisk cohort { name program { name } } mentor { fullName } mentee { fullName } goals { title } checkIns { durationMinutes loggedBy { fullName } } } }`;
    const one = await countQueries(() => t.gql(q, {}, mentees[0].accessToken), dataStatements);
    const five = await countQueries(() => t.gql(q, {}, mentor.accessToken), dataStatements);
    expect(one.result.data!.myMentoring).toHaveLength(1);
    expect(five.result.data!.myMentoring).toHaveLength(5);
    expect(five.count).toBe(one.count);
  });

  it('cohort { pairs { mentor mentee checkIns } }: the people come with the pairs, the same statements for 1 pair as for 5', async () => {
    const q = `query($id: ID!) { cohort(id: $id) { pairs { id status mentor { fullName } mentee { fullName } checkIns { id happenedAt durationMinutes } } } }`;
    const all = await countQueries(() => t.gql(q, { id: cohortId }, admin.accessToken), dataStatements);
    const own = await countQueries(() => t.gql(q, { id: cohortId }, mentees[0].accessToken), dataStatements);
    expect(all.result.errors).toBeUndefined();
    expect(own.result.errors).toBeUndefined();
    const pairs: Array<{ mentor: { fullName: string }; mentee: { fullName: string }; checkIns: unknown[] }> = all.result.data!.cohort.pairs;
    expect(pairs).toHaveLength(5);
    expect(pairs.every((p) => p.mentor.fullName === 'Mentor Many' && p.checkIns.length === 1)).toBe(true);
    expect(pairs.map((p) => p.mentee.fullName).sort()).toEqual(mentees.map((_, i) => `Mentee ${i}`));
    expect(own.result.data!.cohort.pairs).toHaveLength(1);
    expect(own.result.data!.cohort.pairs[0].mentee.fullName).toBe('Mentee 0');
    expect(own.count).toBe(all.count);
    // the cohort with its pairs, their mentors, mentees and check-ins: one statement
    expect(all.count).toBe(1);
    // Only the people's columns the pairs ask for (both sides' fields, unioned); a field asked of one side is there.
    const pairsSql = all.statements.find((sql) => /mentoring_pairs p/.test(sql))!;
    expect(pairsSql).toMatch(/mr\.full_name/);
    expect(pairsSql).not.toMatch(/mr\.email|me\.staff_permissions|mr\.created_at/);
    const wider = await countQueries(
      () => t.gql(`query($id: ID!) { cohort(id: $id) { pairs { mentor { fullName } mentee { email createdAt } } } }`, { id: cohortId }, admin.accessToken),
      dataStatements,
    );
    expect(wider.result.errors).toBeUndefined();
    expect(wider.result.data!.cohort.pairs.every((p: { mentee: { email: string; createdAt: string } }) => /@/.test(p.mentee.email) && !Number.isNaN(Date.parse(p.mentee.createdAt)))).toBe(true);
    expect(wider.statements.find((sql) => /mentoring_pairs p/.test(sql))).toMatch(/me\.email.*me\.created_at/);
    // Only the check-in columns asked for (with the keys), and widening with the selection.
    const checkInsSql = pairsSql.slice(pairsSql.indexOf('FROM mentoring_check_ins') - 600, pairsSql.indexOf('FROM mentoring_check_ins'));
    expect(checkInsSql).toMatch(/c\.happened_at.*c\.duration_minutes/);
    expect(checkInsSql).not.toMatch(/c\.notes|c\.next_steps|c\.confirmed_at|c\.created_at|c\.logged_by_id|c\.credits/);
  });

  it('cohort(id) twice in one request, asking few and more of each check-in: each answers what it asked', async () => {
    const q = `query($id: ID!) {
      few: cohort(id: $id) { pairs { id checkIns { id } } }
      more: cohort(id: $id) { pairs { id checkIns { id durationMinutes notes loggedBy { fullName } } } }
    }`;
    const both = await countQueries(() => t.gql(q, { id: cohortId }, admin.accessToken), dataStatements);
    expect(both.result.errors).toBeUndefined();
    const more: Array<{ checkIns: Array<{ durationMinutes: number; loggedBy: { fullName: string } }> }> = both.result.data!.more.pairs;
    expect(more).toHaveLength(5);
    expect(more.every((p) => p.checkIns.length === 1 && p.checkIns[0].durationMinutes > 0 && /^Ment/.test(p.checkIns[0].loggedBy.fullName))).toBe(true);
    expect(both.result.data!.few.pairs.map((p: { id: string }) => p.id)).toEqual(more.map((p) => (p as unknown as { id: string }).id));
    expect(both.statements.filter((sql) => /FROM mentoring_check_ins/.test(sql))).toHaveLength(2);
  });

  it('cohort { pairs { checkIns } } answers as the per-pair check-ins loader does (every field, a confirmed one too)', async () => {
    const fields = 'id happenedAt durationMinutes notes nextSteps confirmedAt credits createdAt loggedBy { fullName }';
    const before = await t.gql(`{ myMentoring { id checkIns { id } } }`, {}, mentor.accessToken);
    const checkInId: string = before.data!.myMentoring[0].checkIns[0].id;
    const confirmed = await t.gql(`mutation($id: ID!) { confirmCheckIn(checkInId: $id) { id confirmedAt } }`, { id: checkInId }, mentor.accessToken);
    expect(confirmed.errors).toBeUndefined();
    const viaLoader = await t.gql(`{ myMentoring { id checkIns { ${fields} } } }`, {}, mentor.accessToken);
    const viaCohort = await t.gql(`query($id: ID!) { cohort(id: $id) { pairs { id checkIns { ${fields} } } } }`, { id: cohortId }, admin.accessToken);
    expect(viaLoader.errors).toBeUndefined();
    expect(viaCohort.errors).toBeUndefined();
    type PairCheckIns = { id: string; checkIns: Array<Record<string, unknown>> };
    const byPair = new Map((viaLoader.data!.myMentoring as PairCheckIns[]).map((p) => [p.id, p.checkIns]));
    const pairs: PairCheckIns[] = viaCohort.data!.cohort.pairs;
    expect(pairs).toHaveLength(5);
    for (const pair of pairs) expect(pair.checkIns).toEqual(byPair.get(pair.id));
    const confirmedRow = pairs.flatMap((p) => p.checkIns).find((c) => c.id === checkInId)!;
    expect(confirmedRow.confirmedAt).toBe(confirmed.data!.confirmCheckIn.confirmedAt);
    expect(typeof confirmedRow.credits).toBe('number');
  });

  it('cohort(id) reads its pairs with the cohort: the same pairs, order, times and people as the pairs loader reads (cohorts listed under programs)', async () => {
    const fields = 'id status startedAt lastCheckInAt endedAt endReason mentor { id fullName } mentee { id fullName email } checkIns { id happenedAt }';
    const one = await countQueries(() => t.gql(`query($id: ID!) { cohort(id: $id) { id pairs { ${fields} } } }`, { id: cohortId }, admin.accessToken), dataStatements);
    const listed = await t.gql(`{ mentoringPrograms { cohorts { id pairs { ${fields} } } } }`, {}, admin.accessToken);
    expect(one.result.errors).toBeUndefined();
    expect(listed.errors).toBeUndefined();
    const fromList = listed.data!.mentoringPrograms.flatMap((p: { cohorts: Array<{ id: string }> }) => p.cohorts).find((c: { id: string }) => c.id === cohortId);
    expect(one.result.data!.cohort.pairs).toHaveLength(5);
    expect(one.result.data!.cohort.pairs.every((p: { lastCheckInAt: string | null }) => p.lastCheckInAt !== null)).toBe(true);
    expect(one.result.data!.cohort).toEqual(fromList);
    // No statement of the pairs loader's own (`p.cohort_id = ANY(`): the cohort's statement carried them.
    expect(one.statements.filter((sql) => /p\.cohort_id = ANY\(/.test(sql))).toEqual([]);
    // A member sees only their own pair through either path; a draft cohort stays hidden from them, pairs and all.
    const own = await t.gql(`query($id: ID!) { cohort(id: $id) { pairs { mentee { id } } } }`, { id: cohortId }, mentees[1].accessToken);
    expect(own.data!.cohort.pairs).toEqual([{ mentee: { id: mentees[1].id } }]);
    const draft = await createCohort(t, admin, await createProgram(t, admin));
    const hidden = await t.gql(`query($id: ID!) { cohort(id: $id) { id pairs { id } } }`, { id: draft }, mentees[1].accessToken);
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data!.cohort).toBeNull();
  });

  it('programs → cohorts → applications and pairs: the same statements for 1 cohort as for 3', async () => {
    const q = `{ mentoringPrograms { name cohorts { name program { name } applications(first: 3) { totalCount edges { node { user { fullName } } } }
      pairs { mentee { fullName } goals { title } checkIns { durationMinutes } } } } }`;
    const before = await countQueries(() => t.gql(q, {}, admin.accessToken), dataStatements);
    const other = await publishedCohort(t, admin, { programId, mentors: [{ user: await signUpUser(t) }], mentees: [await signUpUser(t)] });
    await publishedCohort(t, admin, { programId, mentors: [{ user: await signUpUser(t) }], mentees: [await signUpUser(t)] });
    const after = await countQueries(() => t.gql(q, {}, admin.accessToken), dataStatements);
    expect(after.result.errors).toBeUndefined();
    expect(after.result.data!.mentoringPrograms.find((p: { cohorts: unknown[] }) => p.cohorts.length === 3)).toBeDefined();
    expect(after.count).toBe(before.count);
    void other;
  });

  it('proposeMatches and the report: statements do not grow with the cohort', async () => {
    const statementsFor = async (menteeCount: number) => {
      const cohort = await createCohort(t, admin, programId, { open: true, matchingSettings: { forbidSameEmployer: true, minExperienceGapYears: 0 } });
      await approve(t, admin, await applyOk(t, await signUpUser(t), cohort, { role: 'MENTOR', capacity: 5 }));
      for (let i = 0; i < menteeCount; i += 1) await approve(t, admin, await applyOk(t, await signUpUser(t), cohort, { role: 'MENTEE' }));
      await closeCohort(t, admin, cohort);
      const proposal = await countQueries(() => t.gql(PROPOSE, { id: cohort }, admin.accessToken), dataStatements);
      expect(proposal.result.data!.proposeMatches.pairs).toHaveLength(Math.min(menteeCount, 5));
      return proposal.count;
    };
    expect(await statementsFor(6)).toBe(await statementsFor(2));
    const report = `query($id: ID!) { cohort(id: $id) { report { checkInsPerPair { pair { mentee { fullName } goals { title } } checkIns }
      atRiskPairs { id } unmatchedMentees { user { fullName } } flaggedPairs { flaggedBy { fullName } } } } }`;
    const counted = await countQueries(() => t.gql(report, { id: cohortId }, admin.accessToken), dataStatements);
    expect(counted.result.data!.cohort.report.checkInsPerPair).toHaveLength(5);
    expect(counted.count).toBeLessThanOrEqual(12);
  });
});
