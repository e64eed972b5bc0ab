import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MentoringJobsService } from '../../libs/mentoring/src/index.js';
import { APPLY, applicationInput, applyOk, approve, closeCohort, createCohort, createProgram, PAIR_OVERRIDE, PUBLISH } from '../factories/mentoring.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

/** Races on a real server: the limits hold because the database holds them, not because requests take turns. */
describe('mentoring: concurrent requests', () => {
  let t: TestApp;
  let admin: TestUser;
  let programId: string;
  beforeAll(async () => {
    t = await startTestApp({ DB_POOL_SIZE: '20' });
    admin = await createAdminUser(t);
    programId = await createProgram(t, admin);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the same person applying ten times at once as a mentee gets one application; the rest CONFLICT', async () => {
    const cohortId = await createCohort(t, admin, programId, { open: true });
    const person = await signUpUser(t);
    const results = await Promise.all(Array.from({ length: 10 }, () => t.gql(APPLY, { input: applicationInput(cohortId, { role: 'MENTEE' }) }, person.accessToken)));
    expect(results.filter((r) => r.data?.applyToCohort)).toHaveLength(1);
    for (const refused of results.filter((r) => !r.data?.applyToCohort)) {
      expect(errorCode(refused)).toBe('CONFLICT');
      expect(refused.errors![0].extensions.reason).toBe('ALREADY_APPLIED');
    }
    expect(await t.sql(`SELECT count(*)::int AS n FROM mentoring_applications WHERE cohort_id = $1`, [cohortId])).toEqual([{ n: 1 }]);
  });

  async function cohortInMatching(mentees: number, mentorCapacity: number) {
    const cohortId = await createCohort(t, admin, programId, { open: true, matchingSettings: { forbidSameEmployer: false, minExperienceGapYears: 0 } });
    const mentor = await applyOk(t, await signUpUser(t), cohortId, { role: 'MENTOR', capacity: mentorCapacity });
    await approve(t, admin, mentor);
    const menteeIds: string[] = [];
    for (let i = 0; i < mentees; i += 1) {
      const id = await applyOk(t, await signUpUser(t), cohortId, { role: 'MENTEE' });
      await approve(t, admin, id);
      menteeIds.push(id);
    }
    await closeCohort(t, admin, cohortId);
    return { cohortId, mentor, menteeIds };
  }

  it('two publishes at once make one set of pairs; the other is CONFLICT', async () => {
    const { cohortId } = await cohortInMatching(3, 3);
    const results = await Promise.all([t.gql(PUBLISH, { id: cohortId }, admin.accessToken), t.gql(PUBLISH, { id: cohortId }, admin.accessToken)]);
    expect(results.filter((r) => r.data?.publishMatches)).toHaveLength(1);
    expect(results.map(errorCode).filter(Boolean)).toEqual(['CONFLICT']);
    expect(await t.sql(`SELECT count(*)::int AS n FROM mentoring_pairs WHERE cohort_id = $1`, [cohortId])).toEqual([{ n: 3 }]);
    const mails = await t.sql(`SELECT count(*)::int AS n FROM outbox_messages WHERE template LIKE 'mentoring-matched-%' AND dedupe_key LIKE 'mentoring-matched:%'
      AND recipient_user_id IN (SELECT mentee_user_id FROM mentoring_pairs WHERE cohort_id = $1 UNION SELECT mentor_user_id FROM mentoring_pairs WHERE cohort_id = $1)`, [cohortId]);
    expect(mails).toEqual([{ n: 6 }]);
  });

  it('locking two mentees to a mentor with one place at the same moment keeps one lock; the other is CONFLICT', async () => {
    const { cohortId, mentor, menteeIds } = await cohortInMatching(2, 1);
    const results = await Promise.all(
      menteeIds.map((mentee) => t.gql(PAIR_OVERRIDE('lockPair'), { cohortId, mentor, mentee }, admin.accessToken)),
    );
    expect(results.filter((r) => r.data?.lockPair)).toHaveLength(1);
    const refused = results.find((r) => !r.data?.lockPair)!;
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors![0].extensions.reason).toBe('MENTOR_FULL');
    expect(await t.sql(`SELECT count(*)::int AS n FROM mentoring_match_overrides WHERE cohort_id = $1 AND kind = 'LOCK'`, [cohortId])).toEqual([{ n: 1 }]);
  });

  it('two job runs at the same moment nudge each side of each quiet pair once', async () => {
    const { cohortId } = await cohortInMatching(3, 3);
    await t.gql(PUBLISH, { id: cohortId }, admin.accessToken);
    await t.sql(`UPDATE mentoring_pairs SET started_at = now() - interval '22 days' WHERE cohort_id = $1`, [cohortId]);
    const jobs = t.app.get(MentoringJobsService);
    const reports = await Promise.all([jobs.run(), jobs.run(), jobs.run()]);
    expect(reports.reduce((sum, r) => sum + r.nudgesSent, 0)).toBe(6);
    const nudges = await t.sql(`SELECT count(*)::int AS n FROM outbox_messages WHERE template = 'mentoring-at-risk' AND dedupe_key LIKE ANY (
      SELECT 'mentoring-at-risk:' || id || ':%' FROM mentoring_pairs WHERE cohort_id = $1)`, [cohortId]);
    expect(nudges).toEqual([{ n: 6 }]);
  });

  it('the database refuses a mentor slot beyond the capacity the mentor offered, whatever the code does', async () => {
    const { cohortId } = await cohortInMatching(1, 1);
    await t.gql(PUBLISH, { id: cohortId }, admin.accessToken);
    const [pair] = await t.sql(`SELECT * FROM mentoring_pairs WHERE cohort_id = $1`, [cohortId]);
    const extraMentee = await applyOk(t, await signUpUser(t), await createCohort(t, admin, programId, { open: true }), { role: 'MENTEE' });
    const insert = (slot: number, capacity: number) =>
      t.sql(`INSERT INTO mentoring_pairs (cohort_id, mentor_application_id, mentor_capacity, mentor_slot, mentee_application_id, mentor_user_id, mentee_user_id, score, breakdown, started_at)
             SELECT $1, $2, $3, $4, $5, $6, a.user_id, 1, '[]', now() FROM mentoring_applications a WHERE a.id = $5`,
        [cohortId, pair.mentor_application_id, capacity, slot, extraMentee, pair.mentor_user_id]);
    await expect(insert(2, 1)).rejects.toThrow(/mentoring_pairs_mentor_slot_check/);
    await expect(insert(2, 2)).rejects.toThrow(/foreign key/); // the capacity must be the application's own
    await expect(insert(1, 1)).rejects.toThrow(/mentoring_pairs_mentor_slot_uq/);
    await expect(t.sql(`UPDATE mentoring_applications SET capacity = 6 WHERE id = $1`, [pair.mentor_application_id])).rejects.toThrow(/capacity_check|foreign key/);
  });
});
