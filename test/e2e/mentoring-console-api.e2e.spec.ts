import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { applyOk, approve, closeCohort, createCohort, createProgram, PUBLISH } from '../factories/mentoring.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { startTestApp, TestApp } from '../utils/test-app.js';

/** What the staff console's matching board and cohort report read beyond the proposal and the report totals. */
describe('mentoring: excluded pairs in the proposal, ratings per pair in the report', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const OVERRIDE = (mutation: 'lockPair' | 'excludePair' | 'unlockPair') =>
    `mutation($c: ID!, $a: ID!, $b: ID!) { ${mutation}(cohortId: $c, mentorApplicationId: $a, menteeApplicationId: $b) {
      pairs { locked mentor { id } mentee { id } } excludedPairs { mentor { id user { fullName } } mentee { id user { fullName } } } } }`;

  async function cohortWithTwoPairs() {
    const programId = await createProgram(t, admin);
    const cohortId = await createCohort(t, admin, programId, { open: true, matchingSettings: { forbidSameEmployer: false, minExperienceGapYears: 0 } });
    const ada = await signUpUser(t, { fullName: 'Ada Lovelace' });
    const grace = await signUpUser(t, { fullName: 'Grace Hopper' });
    const alan = await signUpUser(t, { fullName: 'Alan Turing' });
    const kate = await signUpUser(t, { fullName: 'Katherine Johnson' });
    const apps = {
      ada: await applyOk(t, ada, cohortId, { role: 'MENTOR', topics: ['audit'] }),
      grace: await applyOk(t, grace, cohortId, { role: 'MENTOR', topics: ['tax'] }),
      alan: await applyOk(t, alan, cohortId, { role: 'MENTEE', topics: ['audit'] }),
      kate: await applyOk(t, kate, cohortId, { role: 'MENTEE', topics: ['tax'] }),
    };
    for (const id of Object.values(apps)) await approve(t, admin, id);
    return { cohortId, apps, users: { ada, grace, alan, kate } };
  }

  it('lists the excluded pairs (never proposed) until they are unlocked; locks are not listed there', async () => {
    const { cohortId, apps } = await cohortWithTwoPairs();
    const propose = `mutation($id: ID!) { proposeMatches(cohortId: $id) { excludedPairs { mentor { id } mentee { id } } pairs { mentor { id } mentee { id } } } }`;
    const first = await t.gql(propose, { id: cohortId }, admin.accessToken);
    expect(first.errors).toBeUndefined();
    expect(first.data!.proposeMatches.excludedPairs).toEqual([]);

    const locked = await t.gql(OVERRIDE('lockPair'), { c: cohortId, a: apps.ada, b: apps.alan }, admin.accessToken);
    expect(locked.data!.lockPair.excludedPairs).toEqual([]);
    const excluded = await t.gql(OVERRIDE('excludePair'), { c: cohortId, a: apps.grace, b: apps.kate }, admin.accessToken);
    expect(excluded.errors).toBeUndefined();
    expect(excluded.data!.excludePair.excludedPairs).toEqual([
      { mentor: { id: apps.grace, user: { fullName: 'Grace Hopper' } }, mentee: { id: apps.kate, user: { fullName: 'Katherine Johnson' } } },
    ]);
    expect(excluded.data!.excludePair.pairs).toEqual([{ locked: true, mentor: { id: apps.ada }, mentee: { id: apps.alan } }]);

    // Running again keeps both decisions: the lock stays, the exclusion is still listed and not proposed.
    const rerun = await t.gql(propose, { id: cohortId }, admin.accessToken);
    expect(rerun.data!.proposeMatches.excludedPairs).toEqual([{ mentor: { id: apps.grace }, mentee: { id: apps.kate } }]);
    expect(rerun.data!.proposeMatches.pairs).toEqual([{ mentor: { id: apps.ada }, mentee: { id: apps.alan } }]);

    const unlocked = await t.gql(OVERRIDE('unlockPair'), { c: cohortId, a: apps.grace, b: apps.kate }, admin.accessToken);
    expect(unlocked.data!.unlockPair.excludedPairs).toEqual([]);
    expect(unlocked.data!.unlockPair.pairs).toContainEqual({ locked: false, mentor: { id: apps.grace }, mentee: { id: apps.kate } });
  });

  it("gives each pair's check-ins and the mean of its ratings (null before any)", async () => {
    const { cohortId, users } = await cohortWithTwoPairs();
    await closeCohort(t, admin, cohortId);
    const published = await t.gql(PUBLISH, { id: cohortId }, admin.accessToken);
    expect(published.errors).toBeUndefined();
    const pairs: Array<{ id: string; mentee: { id: string } }> = published.data!.publishMatches;
    const alanPair = pairs.find((p) => p.mentee.id === users.alan.id)!;
    const katePair = pairs.find((p) => p.mentee.id === users.kate.id)!;
    await t.sql(`UPDATE mentoring_pairs SET started_at = now() - interval '2 days', created_at = now() - interval '2 days' WHERE cohort_id = $1`, [cohortId]);
    const log = `mutation($id: ID!, $at: DateTime!, $m: Int!) { logCheckIn(pairId: $id, input: { happenedAt: $at, durationMinutes: $m }) { id } }`;
    const confirm = `mutation($id: ID!) { confirmCheckIn(checkInId: $id) { id } }`;
    const first = await t.gql(log, { id: alanPair.id, at: new Date(Date.now() - 86_400_000).toISOString(), m: 45 }, users.alan.accessToken);
    await t.gql(log, { id: alanPair.id, at: new Date(Date.now() - 3_600_000).toISOString(), m: 30 }, users.alan.accessToken);
    expect((await t.gql(confirm, { id: first.data!.logCheckIn.id }, users.ada.accessToken)).errors).toBeUndefined();
    const rate = `mutation($id: ID!, $r: Int!) { submitPairFeedback(pairId: $id, rating: $r, goodFit: true) }`;
    expect((await t.gql(rate, { id: alanPair.id, r: 4 }, users.alan.accessToken)).errors).toBeUndefined();
    expect((await t.gql(rate, { id: alanPair.id, r: 5 }, users.ada.accessToken)).errors).toBeUndefined();

    const report = await t.gql(
      `query($id: ID!) { cohort(id: $id) { report { averageRating feedbackCount checkInsPerPair { pair { id } checkIns confirmedCheckIns confirmedMinutes averageRating ratings } } } }`,
      { id: cohortId },
      admin.accessToken,
    );
    expect(report.errors).toBeUndefined();
    const rows = report.data!.cohort.report.checkInsPerPair;
    expect(rows).toEqual([
      { pair: { id: katePair.id }, checkIns: 0, confirmedCheckIns: 0, confirmedMinutes: 0, averageRating: null, ratings: 0 },
      { pair: { id: alanPair.id }, checkIns: 2, confirmedCheckIns: 1, confirmedMinutes: 45, averageRating: 4.5, ratings: 2 },
    ]);
    expect(report.data!.cohort.report).toMatchObject({ averageRating: 4.5, feedbackCount: 2 });

    // A member of the cohort cannot read the report, ratings included.
    const refused = await t.gql(`query($id: ID!) { cohort(id: $id) { report { checkInsPerPair { averageRating } } } }`, { id: cohortId }, users.alan.accessToken);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
