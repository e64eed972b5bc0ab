import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MatchingRunner } from '../../libs/mentoring/src/proposals/matching-runner.js';
import { createCohort, createProgram } from '../factories/mentoring.js';
import { createAdminUser, TestUser } from '../factories/users.js';
import { startTestApp, TestApp } from '../utils/test-app.js';

const MENTEES = 3_000;
const MENTORS = 1_000;

/**
 * Approved applicants for a large cohort, written in two statements: varied topics, experience, time
 * zones, formats and capacities derived from each applicant's number.
 */
async function seedLargeCohort(t: TestApp, cohortId: string): Promise<void> {
  await t.sql(
    `WITH people AS (
       INSERT INTO users (email, password_hash, full_name)
       SELECT 'cohort-' || $1::text || '-' || i || '@example.test', 'not-a-hash', 'Applicant ' || i FROM generate_series(1, $2::int + $3::int) i
       RETURNING id, substring(full_name FROM 11)::int AS n)
     INSERT INTO mentoring_applications (cohort_id, user_id, role, topics, goals, years_of_experience, timezone, preferred_format, capacity, status)
     SELECT $1::uuid, id,
            CASE WHEN n <= $3 THEN 'MENTOR' ELSE 'MENTEE' END,
            ARRAY[(ARRAY['react','go','rust','sql','career','design','testing','leadership','data','security','cloud','mobile'])[1 + n * 7 % 12],
                  (ARRAY['react','go','rust','sql','career','design','testing','leadership','data','security','cloud','mobile'])[1 + n * 5 % 12]],
            'grow in ' || (ARRAY['architecture','management','frontend','databases','public speaking'])[1 + n % 5],
            CASE WHEN n <= $3 THEN 6 + n % 25 ELSE n % 12 END,
            (ARRAY['Europe/Berlin','America/New_York','Asia/Tokyo','Europe/London','America/Los_Angeles'])[1 + n * 3 % 5],
            (ARRAY['VIDEO','IN_PERSON','EITHER'])[1 + n % 3],
            CASE WHEN n <= $3 THEN 1 + n % 4 ELSE 1 END,
            'APPROVED'
     FROM people`,
    [cohortId, MENTEES, MENTORS],
  );
}

describe('mentoring: proposals are solved off the event loop', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it(`answers another request while a ${MENTEES} × ${MENTORS} cohort is being solved, before the proposal`, async () => {
    const programId = await createProgram(t, admin);
    const cohortId = await createCohort(t, admin, programId, { open: true, matchingSettings: { forbidSameEmployer: false, minExperienceGapYears: 2 } });
    await seedLargeCohort(t, cohortId);
    const runner = t.app.get(MatchingRunner, { strict: false });
    expect(runner.pending).toBe(0);

    const answered: string[] = [];
    const proposal = t
      .gql(`mutation($id: ID!) { proposeMatches(cohortId: $id) { totalScore pairs { score } } }`, { id: cohortId }, admin.accessToken)
      .finally(() => answered.push('proposal'));
    // Wait (on this same event loop, which the app shares) until the cohort has been read and handed to
    // the solver. A solver on the event loop would never let this observe it running.
    while (runner.pending === 0 && answered.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(answered).toEqual([]);

    const other = await t.gql(`{ me { id } }`, {}, admin.accessToken);
    answered.push('other');
    expect(other.data!.me.id).toBe(admin.id);
    expect(runner.pending).toBe(1);

    const result = await proposal;
    expect(answered).toEqual(['other', 'proposal']);
    expect(result.errors).toBeUndefined();
    expect(result.data!.proposeMatches.pairs.length).toBeGreaterThan(MENTORS);
    expect(runner.pending).toBe(0);
  });
});
