import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MentoringJobsService } from '../../libs/mentoring/src/index.js';
import {
  applyOk,
  applyTo,
  approve,
  closeCohort,
  createCohort,
  createProgram,
  freeTier,
  PAIR_OVERRIDE,
  PROPOSE,
  PUBLISH,
  publishedCohort,
  REVIEW,
  signUpMember,
} from '../factories/mentoring.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

const DAY = 86_400_000;
type Proposal = { pairs: Array<{ locked: boolean; mentor: { id: string }; mentee: { id: string } }>; unmatched: Array<{ application: { id: string }; reasons: string[] }>; notes: string[] };

describe('mentoring: matching rules, overrides and cohort states', () => {
  let t: TestApp;
  let admin: TestUser;
  let programId: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
    programId = await createProgram(t, admin);
  });
  afterAll(async () => {
    await t?.close();
  });

  const propose = async (cohortId: string): Promise<Proposal> => {
    const result = await t.gql(PROPOSE, { id: cohortId }, admin.accessToken);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.proposeMatches;
  };
  const override = (mutation: 'lockPair' | 'unlockPair' | 'excludePair', cohortId: string, mentor: string, mentee: string) =>
    t.gql(PAIR_OVERRIDE(mutation), { cohortId, mentor, mentee }, admin.accessToken);
  const pairsOf = (p: Proposal) => p.pairs.map((x) => `${x.mentor.id}>${x.mentee.id}`).sort();

  it('never proposes a pair from an earlier cohort of the program again, unless the cohort allows repeats', async () => {
    const mentor = await signUpUser(t);
    const mentee = await signUpUser(t);
    await publishedCohort(t, admin, { programId, mentors: [{ user: mentor }], mentees: [mentee] });
    const next = await createCohort(t, admin, programId, { open: true, matchingSettings: { forbidSameEmployer: false, minExperienceGapYears: 0 } });
    const mentorApp = await applyOk(t, mentor, next, { role: 'MENTOR' });
    const menteeApp = await applyOk(t, mentee, next, { role: 'MENTEE' });
    await approve(t, admin, mentorApp);
    await approve(t, admin, menteeApp);
    const first = await propose(next);
    expect(first.pairs).toEqual([]);
    expect(first.unmatched.find((u) => u.application.id === menteeApp)!.reasons).toEqual(['No eligible mentor among 1: 1 was their mentor in an earlier cohort']);
    const updated = await t.gql(`mutation($id: ID!) { updateCohortMatching(cohortId: $id, input: { matchingSettings: { allowRepeatPairs: true } }) { matchingSettings { allowRepeatPairs } } }`, { id: next }, admin.accessToken);
    expect(updated.data!.updateCohortMatching.matchingSettings.allowRepeatPairs).toBe(true);
    expect(pairsOf(await propose(next))).toEqual([`${mentorApp}>${menteeApp}`]);
  });

  it('a members-only program leaves out approved applicants who are no longer in good standing, and says so', async () => {
    const tier = await freeTier(t, admin);
    const membersOnly = await createProgram(t, admin, { membersOnly: true });
    const cohort = await createCohort(t, admin, membersOnly, { open: true, matchingSettings: { forbidSameEmployer: false, minExperienceGapYears: 0 } });
    const mentor = await signUpMember(t, tier, 'Member Mentor');
    const mentee = await signUpMember(t, tier, 'Lapsing Mentee');
    await approve(t, admin, await applyOk(t, mentor, cohort, { role: 'MENTOR' }));
    const menteeApp = await applyOk(t, mentee, cohort, { role: 'MENTEE' });
    await approve(t, admin, menteeApp);
    expect((await propose(cohort)).pairs).toHaveLength(1);
    await t.sql(`UPDATE memberships SET status = 'LAPSED' WHERE user_id = $1`, [mentee.id]);
    const proposal = await propose(cohort);
    expect(proposal.pairs).toEqual([]);
    expect(proposal.notes).toContain('1 approved application(s) were left out: the applicant is no longer a member in good standing.');
    // and an admin cannot approve such an application again
    await t.gql(REVIEW, { id: menteeApp, approve: false }, admin.accessToken);
    const again = await t.gql(REVIEW, { id: menteeApp, approve: true }, admin.accessToken);
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors![0].extensions.reason).toBe('NOT_IN_GOOD_STANDING');
  });

  it('a members-only program refuses applicants whose grace ran out before the lapse job ran, and takes those still in grace', async () => {
    const tier = await freeTier(t, admin);
    const membersOnly = await createProgram(t, admin, { membersOnly: true });
    const cohort = await createCohort(t, admin, membersOnly, { open: true });
    const over = await signUpMember(t, tier, 'Grace Over');
    const inGrace = await signUpMember(t, tier, 'Still In Grace');
    await t.sql(`UPDATE memberships SET status = 'GRACE', grace_ends_at = now() - interval '1 minute' WHERE user_id = $1`, [over.id]);
    await t.sql(`UPDATE memberships SET status = 'GRACE', grace_ends_at = now() + interval '1 day' WHERE user_id = $1`, [inGrace.id]);
    const refused = await applyTo(t, over, cohort, { role: 'MENTEE' });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0].extensions.reason).toBe('NOT_IN_GOOD_STANDING');
    expect(await applyOk(t, inGrace, cohort, { role: 'MENTEE' })).toEqual(expect.any(String));
  });

  describe('locks and exclusions', () => {
    let cohort: string;
    let mentorA: string;
    let mentorB: string;
    let menteeX: string;
    let menteeY: string;
    let xUser: TestUser;
    let both: TestUser;
    let bothAsMentor: string;
    let bothAsMentee: string;
    let pending: string;
    beforeAll(async () => {
      cohort = await createCohort(t, admin, programId, { open: true, matchingSettings: { forbidSameEmployer: false, minExperienceGapYears: 0 } });
      mentorA = await applyOk(t, await signUpUser(t), cohort, { role: 'MENTOR', capacity: 2 });
      mentorB = await applyOk(t, await signUpUser(t), cohort, { role: 'MENTOR', capacity: 1 });
      xUser = await signUpUser(t);
      menteeX = await applyOk(t, xUser, cohort, { role: 'MENTEE' });
      menteeY = await applyOk(t, await signUpUser(t), cohort, { role: 'MENTEE' });
      both = await signUpUser(t);
      bothAsMentor = await applyOk(t, both, cohort, { role: 'MENTOR' });
      bothAsMentee = await applyOk(t, both, cohort, { role: 'MENTEE' });
      for (const id of [mentorA, mentorB, menteeX, menteeY, bothAsMentor, bothAsMentee]) await approve(t, admin, id);
      pending = await applyOk(t, await signUpUser(t), cohort, { role: 'MENTEE' });
    });

    it('refuses pairs that are not a mentor and a mentee of this cohort, naming the argument', async () => {
      const cases: Array<[string, string, string]> = [
        [menteeX, menteeY, 'mentorApplicationId'],
        [mentorA, mentorB, 'menteeApplicationId'],
        [bothAsMentor, bothAsMentee, 'menteeApplicationId'],
        ['00000000-0000-4000-8000-000000000000', menteeX, 'mentorApplicationId'],
      ];
      for (const [mentor, mentee, field] of cases) {
        const result = await override('lockPair', cohort, mentor, mentee);
        expect(errorCode(result)).toBe('BAD_USER_INPUT');
        expect(result.errors![0].extensions.fields![0].path).toBe(field);
      }
      const notApproved = await override('excludePair', cohort, mentorA, pending);
      expect(errorCode(notApproved)).toBe('CONFLICT');
      expect(notApproved.errors![0].extensions.reason).toBe('WRONG_APPLICATION_STATUS');
      const malformed = await t.gql(PAIR_OVERRIDE('lockPair'), { cohortId: cohort, mentor: 'nope', mentee: menteeX }, admin.accessToken);
      expect(malformed.errors![0].extensions.fields![0].path).toBe('mentorApplicationId');
      expect(await t.sql(`SELECT count(*)::int AS n FROM mentoring_match_overrides WHERE cohort_id = $1`, [cohort])).toEqual([{ n: 0 }]);
    });

    it('a mentee is locked to one mentor at a time; a lock replaces an exclusion and the other way round', async () => {
      expect(errorCode(await override('lockPair', cohort, mentorA, menteeX))).toBeUndefined();
      const twice = await override('lockPair', cohort, mentorB, menteeX);
      expect(errorCode(twice)).toBe('CONFLICT');
      expect(twice.errors![0].extensions.reason).toBe('MENTEE_ALREADY_LOCKED');
      expect(errorCode(await override('lockPair', cohort, mentorA, menteeX))).toBeUndefined(); // the same lock again is fine
      const excluded = (await override('excludePair', cohort, mentorA, menteeX)).data!.excludePair as Proposal;
      expect(pairsOf(excluded)).not.toContain(`${mentorA}>${menteeX}`);
      expect(await t.sql(`SELECT kind FROM mentoring_match_overrides WHERE cohort_id = $1`, [cohort])).toEqual([{ kind: 'EXCLUDE' }]);
      await override('unlockPair', cohort, mentorA, menteeX);
      expect(await t.sql(`SELECT kind FROM mentoring_match_overrides WHERE cohort_id = $1`, [cohort])).toEqual([]);
    });

    it('withdrawing or declining an application removes its locks and exclusions', async () => {
      await override('lockPair', cohort, mentorB, menteeY);
      await override('excludePair', cohort, mentorA, menteeX);
      await t.gql(REVIEW, { id: menteeY, approve: false, reason: 'Changed plans' }, admin.accessToken);
      expect(await t.sql(`SELECT kind FROM mentoring_match_overrides WHERE cohort_id = $1`, [cohort])).toEqual([{ kind: 'EXCLUDE' }]);
      const withdrawn = await t.gql(`mutation($id: ID!) { withdrawApplication(applicationId: $id) { status } }`, { id: menteeX }, xUser.accessToken);
      expect(withdrawn.data!.withdrawApplication.status).toBe('WITHDRAWN');
      expect(await t.sql(`SELECT kind FROM mentoring_match_overrides WHERE cohort_id = $1`, [cohort])).toEqual([]);
      // A withdrawn applicant may apply again.
      expect(errorCode(await applyTo(t, xUser, cohort, { role: 'MENTEE' }))).toBeUndefined();
    });
  });

  describe('cohort states', () => {
    it('applications: only while open and before applicationsCloseAt; the job closes a cohort whose date has passed', async () => {
      const draft = await createCohort(t, admin, programId);
      const member = await signUpUser(t);
      expect(errorCode(await applyTo(t, member, draft, { role: 'MENTEE' }))).toBe('BAD_USER_INPUT'); // drafts do not exist for members
      const closesSoon = await createCohort(t, admin, programId, { open: true, applicationsCloseAt: new Date(Date.now() + 2000).toISOString(), startsAt: new Date(Date.now() + DAY).toISOString() });
      expect(errorCode(await applyTo(t, member, closesSoon, { role: 'MENTEE' }))).toBeUndefined();
      await t.sql(`UPDATE mentoring_cohorts SET applications_close_at = now() - interval '1 minute' WHERE id = $1`, [closesSoon]);
      const late = await applyTo(t, await signUpUser(t), closesSoon, { role: 'MENTEE' });
      expect(errorCode(late)).toBe('CONFLICT');
      expect(late.errors![0].extensions.reason).toBe('APPLICATIONS_CLOSED');
      const report = await t.app.get(MentoringJobsService).run();
      expect(report.closedCohorts).toBeGreaterThanOrEqual(1);
      const [row] = await t.sql(`SELECT status FROM mentoring_cohorts WHERE id = $1`, [closesSoon]);
      expect(row.status).toBe('MATCHING');
      const reopen = await t.gql(`mutation($id: ID!) { openCohortApplications(cohortId: $id) { id } }`, { id: closesSoon }, admin.accessToken);
      expect(errorCode(reopen)).toBe('CONFLICT');
    });

    it('propose needs applications open or closed, publish needs MATCHING, and nothing changes a published cohort', async () => {
      const draft = await createCohort(t, admin, programId);
      const refused = await t.gql(PROPOSE, { id: draft }, admin.accessToken);
      expect(errorCode(refused)).toBe('CONFLICT');
      expect(refused.errors![0].extensions.reason).toBe('WRONG_COHORT_STATUS');
      expect(errorCode(await t.gql(PUBLISH, { id: draft }, admin.accessToken))).toBe('CONFLICT');

      const mentor = await signUpUser(t);
      const mentee = await signUpUser(t);
      const { cohortId } = await publishedCohort(t, admin, { programId, mentors: [{ user: mentor }], mentees: [mentee] });
      const [application] = await t.sql(`SELECT id FROM mentoring_applications WHERE cohort_id = $1 AND role = 'MENTEE'`, [cohortId]);
      expect(errorCode(await t.gql(REVIEW, { id: application.id, approve: false }, admin.accessToken))).toBe('CONFLICT');
      expect(errorCode(await t.gql(`mutation($id: ID!) { withdrawApplication(applicationId: $id) { id } }`, { id: application.id }, mentee.accessToken))).toBe('CONFLICT');
      expect(errorCode(await t.gql(PROPOSE, { id: cohortId }, admin.accessToken))).toBe('CONFLICT');
      expect(errorCode(await t.gql(`mutation($id: ID!) { updateCohortMatching(cohortId: $id, input: { matchingSettings: { allowRepeatPairs: true } }) { id } }`, { id: cohortId }, admin.accessToken))).toBe('CONFLICT');
      expect(errorCode(await t.gql(`mutation($id: ID!) { closeCohortApplications(cohortId: $id) { id } }`, { id: cohortId }, admin.accessToken))).toBe('CONFLICT');
      expect(errorCode(await t.gql(PROPOSE, { id: '00000000-0000-4000-8000-000000000000' }, admin.accessToken))).toBe('NOT_FOUND');
    });

    it('publishing a cohort with nothing to pair is refused, and writes nothing', async () => {
      const cohort = await createCohort(t, admin, programId, { open: true });
      await approve(t, admin, await applyOk(t, await signUpUser(t), cohort, { role: 'MENTOR' }));
      await closeCohort(t, admin, cohort);
      expect(errorCode(await t.gql(PUBLISH, { id: cohort }, admin.accessToken))).toBe('CONFLICT');
      const [row] = await t.sql(`SELECT status FROM mentoring_cohorts WHERE id = $1`, [cohort]);
      expect(row.status).toBe('MATCHING');
    });
  });
});
