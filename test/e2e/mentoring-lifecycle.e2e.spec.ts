import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MentoringJobsService } from '../../libs/mentoring/src/index.js';
import {
  applyOk,
  applyTo,
  approve,
  createProgram,
  freeTier,
  PAIR_OVERRIDE,
  PROPOSE,
  PUBLISH,
  REVIEW,
  signUpMember,
} from '../factories/mentoring.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

const DAY = 86_400_000;

const CREATE_COHORT = `mutation($input: CreateCohortInput!) { createCohort(input: $input) {
  id status name matchingWeights { topics goals experienceGap timezone format } matchingSettings { forbidSameEmployer minExperienceGapYears allowRepeatPairs } } }`;
const COHORT = `query($id: ID!) { cohort(id: $id) { id status program { name } applications(first: 50) { totalCount edges { node { id role status user { fullName } } } } } }`;
const MY_MENTORING = `{ myMentoring { id status atRisk lastCheckInAt cohort { name } mentor { fullName } mentee { fullName }
  goals { id title status completedAt } checkIns { id durationMinutes confirmedAt credits loggedBy { fullName } } } }`;
const SET_GOAL = `mutation($pairId: ID!, $input: GoalInput!) { setGoal(pairId: $pairId, input: $input) { id title status } }`;
const UPDATE_GOAL = `mutation($goalId: ID!, $input: UpdateGoalInput!) { updateGoal(goalId: $goalId, input: $input) { id title status completedAt } }`;
const LOG = `mutation($pairId: ID!, $input: CheckInInput!) { logCheckIn(pairId: $pairId, input: $input) { id confirmedAt credits } }`;
const CONFIRM = `mutation($id: ID!) { confirmCheckIn(checkInId: $id) { id confirmedAt credits } }`;
const TRANSCRIPT = `query($from: DateTime, $to: DateTime) { myTranscript(from: $from, to: $to) {
  totalCredits byCategory { category credits } entries { source title date credits category } } }`;
const FEEDBACK = `mutation($pairId: ID!, $rating: Int!, $goodFit: Boolean!, $comment: String) {
  submitPairFeedback(pairId: $pairId, rating: $rating, goodFit: $goodFit, comment: $comment) }`;
const END = `mutation($pairId: ID!, $outcome: PairStatus!, $reason: String) { endPair(pairId: $pairId, outcome: $outcome, reason: $reason) { id status endedAt endReason } }`;
const REPORT = `query($id: ID!) { cohort(id: $id) { status report {
  pairsByStatus { status count }
  checkInsPerPair { pair { id } checkIns confirmedCheckIns confirmedMinutes }
  averageRating feedbackCount
  atRiskPairs { id mentee { fullName } }
  flaggedPairs { pair { id } flaggedBy { fullName } rating comment }
  unmatchedMentees { id user { fullName } }
  goalsCompleted goalsTotal } } }`;

type Pair = { locked: boolean; mentor: { id: string }; mentee: { id: string }; waivedRules: string[] };

describe('mentoring: a cohort from program to report', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const outbox = async (userId: string) =>
    (await t.sql(`SELECT template, dedupe_key FROM outbox_messages WHERE recipient_user_id = $1 ORDER BY created_at, template`, [userId])).map((r) => r.template);

  it('program → cohort → applications → review → proposal → adjust → publish → goals → check-ins → credits → feedback → nudge → end → report', async () => {
    // 1. Program and cohort (admin).
    const tier = await freeTier(t, admin);
    const programId = await createProgram(t, admin, { name: 'Early career', membersOnly: true, ceCreditsPerHour: 1.5 });
    const created = await t.gql(CREATE_COHORT, {
      input: {
        programId,
        name: 'Spring',
        startsAt: new Date(Date.now() - DAY).toISOString(),
        endsAt: new Date(Date.now() + 120 * DAY).toISOString(),
        matchingWeights: { topics: 8, goals: 5, experienceGap: 3, timezone: 4, format: 2 },
        matchingSettings: { forbidSameEmployer: true, minExperienceGapYears: 2 },
      },
    }, admin.accessToken);
    expect(created.data!.createCohort).toMatchObject({
      status: 'DRAFT',
      matchingWeights: { topics: 8, goals: 5, experienceGap: 3, timezone: 4, format: 2 },
      matchingSettings: { forbidSameEmployer: true, minExperienceGapYears: 2, allowRepeatPairs: false },
    });
    const cohortId = created.data!.createCohort.id;

    // 2. Members apply only once the cohort is open.
    const maya = await signUpMember(t, tier, 'Maya Mentor', 'Initech');
    const omar = await signUpMember(t, tier, 'Omar Okafor', 'Globex');
    const ella = await signUpMember(t, tier, 'Ella Evans', 'Hooli');
    const finn = await signUpMember(t, tier, 'Finn Fischer', 'Globex');
    const gita = await signUpMember(t, tier, 'Gita Gupta');
    const kai = await signUpMember(t, tier, 'Kai Kim');
    const hana = await signUpMember(t, tier, 'Hana Hall');
    const ivan = await signUpMember(t, tier, 'Ivan Ivanov');
    const nora = await signUpUser(t, { fullName: 'Nora No-Membership' });

    expect(errorCode(await applyTo(t, ella, cohortId, { role: 'MENTEE' }))).toBe('BAD_USER_INPUT'); // a draft is not visible yet
    await t.gql(`mutation($id: ID!) { openCohortApplications(cohortId: $id) { status } }`, { id: cohortId }, admin.accessToken);

    const apps = {
      maya: await applyOk(t, maya, cohortId, { role: 'MENTOR', capacity: 2, yearsOfExperience: 15, timezone: 'Europe/Berlin', preferredFormat: 'VIDEO', topics: ['React', 'testing', 'Career'], goals: 'I help engineers grow into senior roles through code review and career planning' }),
      omar: await applyOk(t, omar, cohortId, { role: 'MENTOR', capacity: 1, yearsOfExperience: 12, timezone: 'America/New_York', preferredFormat: 'EITHER', topics: ['data', 'python', 'career'] }),
      ella: await applyOk(t, ella, cohortId, { role: 'MENTEE', yearsOfExperience: 2, timezone: 'Europe/Paris', preferredFormat: 'VIDEO', topics: ['react', 'career'], goals: 'Grow into a senior react engineer and get better at code review' }),
      finn: await applyOk(t, finn, cohortId, { role: 'MENTEE', yearsOfExperience: 1, timezone: 'America/Chicago', preferredFormat: 'EITHER', topics: ['python', 'data'] }),
      gita: await applyOk(t, gita, cohortId, { role: 'MENTEE', yearsOfExperience: 3, timezone: 'Asia/Kolkata', preferredFormat: 'IN_PERSON', topics: ['react', 'testing'] }),
      kai: await applyOk(t, kai, cohortId, { role: 'MENTEE', yearsOfExperience: 14, timezone: 'UTC', topics: ['career'] }),
      hana: await applyOk(t, hana, cohortId, { role: 'MENTEE', topics: ['career'] }),
      ivan: await applyOk(t, ivan, cohortId, { role: 'MENTEE', topics: ['career'] }),
    };
    const refused = await applyTo(t, nora, cohortId, { role: 'MENTEE' });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0].extensions.reason).toBe('NOT_IN_GOOD_STANDING');
    expect(errorCode(await applyTo(t, ella, cohortId, { role: 'MENTEE' }))).toBe('CONFLICT'); // once per role
    expect(await outbox(ella.id)).toContain('mentoring-application-received');

    const withdrawn = await t.gql(`mutation($id: ID!) { withdrawApplication(applicationId: $id) { status } }`, { id: apps.ivan }, ivan.accessToken);
    expect(withdrawn.data!.withdrawApplication.status).toBe('WITHDRAWN');

    // 3. Review: approve the rest, decline Hana with a reason she is told.
    for (const id of [apps.maya, apps.omar, apps.ella, apps.finn, apps.gita, apps.kai]) await approve(t, admin, id);
    const declined = await t.gql(REVIEW, { id: apps.hana, approve: false, reason: 'The cohort is for early-career members' }, admin.accessToken);
    expect(declined.data!.reviewApplication).toMatchObject({ status: 'DECLINED', reviewReason: 'The cohort is for early-career members' });
    expect(await outbox(hana.id)).toContain('mentoring-application-declined');
    const listed = await t.gql(COHORT, { id: cohortId }, admin.accessToken);
    expect(listed.data!.cohort.applications.totalCount).toBe(8);
    expect(listed.data!.cohort.program.name).toBe('Early career');

    // 4. Close applications; propose, with a breakdown per criterion and reasons for the unmatched.
    await t.gql(`mutation($id: ID!) { closeCohortApplications(cohortId: $id) { status } }`, { id: cohortId }, admin.accessToken);
    expect(errorCode(await applyTo(t, nora, cohortId, { role: 'MENTOR' }))).toBe('CONFLICT');
    const proposal = (await t.gql(PROPOSE, { id: cohortId }, admin.accessToken)).data!.proposeMatches;
    const pairsOf = (p: { pairs: Pair[] }) => p.pairs.map((x) => `${x.mentor.id}>${x.mentee.id}`).sort();
    expect(proposal.pruned).toBe(false);
    // The optimum leaves Finn out: Omar (same employer) is not eligible, and Maya's two places score more with
    // Ella and Gita (23 + 14.5) than any way of placing Finn (Maya–Finn 7.67 + Omar–Gita 6.5 instead of 14.5).
    expect(pairsOf(proposal)).toEqual([`${apps.maya}>${apps.ella}`, `${apps.maya}>${apps.gita}`].sort());
    for (const pair of proposal.pairs) {
      expect(pair.breakdown.map((b: { criterion: string }) => b.criterion)).toEqual(['topics', 'goals', 'experienceGap', 'timezone', 'format', 'base']);
      const points = pair.breakdown.reduce((sum: number, b: { points: number }) => sum + b.points, 0);
      expect(points).toBeCloseTo(pair.score, 6);
    }
    expect(proposal.totalScore).toBeCloseTo(37.5, 6);
    const mayaElla = proposal.pairs.find((p: Pair) => p.mentor.id === apps.maya && p.mentee.id === apps.ella);
    expect(mayaElla.score).toBe(23);
    expect(mayaElla.breakdown.slice(0, 5)).toEqual([
      { criterion: 'topics', weight: 8, value: 1, points: 8, explanation: 'Shares 2 of 2 topics: react, career' },
      { criterion: 'goals', weight: 5, value: 1, points: 5, explanation: "The mentee's goals mention 5 keywords from the mentor's topics or goals: senior, react, engineer, code, review" },
      { criterion: 'experienceGap', weight: 3, value: 1, points: 3, explanation: 'Mentor has 13 years more experience than the mentee, 11 years above the required 2 years' },
      { criterion: 'timezone', weight: 4, value: 1, points: 4, explanation: 'Same UTC offset (UTC+01:00)' },
      { criterion: 'format', weight: 2, value: 1, points: 2, explanation: 'Both prefer video' },
    ]);
    const unmatched = Object.fromEntries(proposal.unmatched.map((u: { application: { user: { fullName: string } }; reasons: string[] }) => [u.application.user.fullName, u.reasons]));
    expect(unmatched).toEqual({
      'Finn Fischer': [
        'The only eligible mentor is full, and no reshuffle that places this mentee would raise the total score',
        'The other mentor is not eligible: 1 works for the same employer',
      ],
      'Kai Kim': ['No eligible mentor among 2: 2 have fewer than 2 more years of experience'],
      'Omar Okafor': [
        '2 eligible mentees are matched with other mentors, and no reshuffle that gives this mentor a mentee would raise the total score',
        'The other 2 mentees are not eligible: 1 works for the same employer, 1 has too much experience for the required 2-year gap',
      ],
    });
    expect(proposal.notes).toContain('Matched 2 of 4 mentees with 2 mentors.');

    // 5. Adjust: exclude a pair, lock another, a lock beyond capacity is refused, then undo the exclusion.
    const override = (mutation: 'lockPair' | 'unlockPair' | 'excludePair', mentor: string, mentee: string) =>
      t.gql(PAIR_OVERRIDE(mutation), { cohortId, mentor, mentee }, admin.accessToken);
    const excluded = (await override('excludePair', apps.maya, apps.ella)).data!.excludePair;
    expect(pairsOf(excluded)).toEqual([`${apps.maya}>${apps.finn}`, `${apps.maya}>${apps.gita}`, `${apps.omar}>${apps.ella}`].sort());
    const locked = (await override('lockPair', apps.omar, apps.gita)).data!.lockPair;
    expect(locked.pairs).toContainEqual({ locked: true, mentor: { id: apps.omar }, mentee: { id: apps.gita }, waivedRules: [] });
    const overCapacity = await override('lockPair', apps.omar, apps.ella);
    expect(errorCode(overCapacity)).toBe('CONFLICT');
    expect(overCapacity.errors![0].extensions.reason).toBe('MENTOR_FULL');
    const waived = (await override('lockPair', apps.maya, apps.kai)).data!.lockPair; // an admin may override the experience rule…
    expect(waived.pairs).toContainEqual({ locked: true, mentor: { id: apps.maya }, mentee: { id: apps.kai }, waivedRules: ['INSUFFICIENT_EXPERIENCE'] });
    expect(waived.notes.some((n: string) => n.startsWith('Kept 1 locked pair(s) that break a matching rule'))).toBe(true);
    await override('unlockPair', apps.maya, apps.kai); // …but thinks better of it
    const final = (await override('unlockPair', apps.maya, apps.ella)).data!.unlockPair;
    expect(final.pairs.filter((p: Pair) => p.locked)).toEqual([{ locked: true, mentor: { id: apps.omar }, mentee: { id: apps.gita }, waivedRules: [] }]);
    expect(pairsOf(final)).toEqual([`${apps.maya}>${apps.ella}`, `${apps.maya}>${apps.finn}`, `${apps.omar}>${apps.gita}`].sort());

    // 6. Publish: the proposal becomes pairs, the cohort ACTIVE, both sides are told; never twice.
    const published = (await t.gql(PUBLISH, { id: cohortId }, admin.accessToken)).data!.publishMatches;
    expect(published.map((p: { mentor: { id: string }; mentee: { id: string } }) => `${p.mentor.id}>${p.mentee.id}`).sort()).toEqual([
      `${maya.id}>${ella.id}`, `${maya.id}>${finn.id}`, `${omar.id}>${gita.id}`,
    ].sort());
    const again = await t.gql(PUBLISH, { id: cohortId }, admin.accessToken);
    expect(errorCode(again)).toBe('CONFLICT');
    expect((await t.gql(COHORT, { id: cohortId }, admin.accessToken)).data!.cohort.status).toBe('ACTIVE');
    expect(await outbox(maya.id)).toEqual(expect.arrayContaining(['mentoring-matched-mentor', 'mentoring-matched-mentor']));
    expect((await outbox(maya.id)).filter((m) => m === 'mentoring-matched-mentor')).toHaveLength(2);
    expect(await outbox(ella.id)).toContain('mentoring-matched-mentee');
    expect(await outbox(kai.id)).toContain('mentoring-not-matched');

    // 7. Goals and check-ins: the mentee sets a goal and logs a meeting, the mentor completes the goal and confirms.
    const ellaPair = (await t.gql(MY_MENTORING, {}, ella.accessToken)).data!.myMentoring;
    expect(ellaPair).toHaveLength(1);
    expect(ellaPair[0]).toMatchObject({ status: 'ACTIVE', atRisk: false, lastCheckInAt: null, cohort: { name: 'Spring' }, mentor: { fullName: 'Maya Mentor' }, mentee: { fullName: 'Ella Evans' } });
    const pairId = ellaPair[0].id;
    const goal = (await t.gql(SET_GOAL, { pairId, input: { title: '  Lead a code review  ', targetDate: new Date(Date.now() + 30 * DAY).toISOString() } }, ella.accessToken)).data!.setGoal;
    expect(goal).toMatchObject({ title: 'Lead a code review', status: 'OPEN' });
    const done = (await t.gql(UPDATE_GOAL, { goalId: goal.id, input: { status: 'COMPLETED' } }, maya.accessToken)).data!.updateGoal;
    expect(done.status).toBe('COMPLETED');
    expect(done.completedAt).not.toBeNull();
    const happenedAt = new Date().toISOString();
    const checkIn = (await t.gql(LOG, { pairId, input: { happenedAt, durationMinutes: 90, notes: 'Went through a PR together', nextSteps: 'Review two PRs' } }, ella.accessToken)).data!.logCheckIn;
    expect(checkIn).toMatchObject({ confirmedAt: null, credits: null });
    expect(await outbox(maya.id)).toContain('mentoring-check-in-to-confirm');
    const own = await t.gql(CONFIRM, { id: checkIn.id }, ella.accessToken);
    expect(errorCode(own)).toBe('FORBIDDEN'); // the other side confirms
    const confirmed = (await t.gql(CONFIRM, { id: checkIn.id }, maya.accessToken)).data!.confirmCheckIn;
    expect(confirmed.credits).toBe(2.25); // 1.5 hours × 1.5 credits per hour
    const pairView = (await t.gql(MY_MENTORING, {}, ella.accessToken)).data!.myMentoring[0];
    expect(pairView.lastCheckInAt).toBe(happenedAt);
    expect(pairView.goals).toEqual([{ id: goal.id, title: 'Lead a code review', status: 'COMPLETED', completedAt: done.completedAt }]);
    expect(pairView.checkIns).toEqual([{ id: checkIn.id, durationMinutes: 90, confirmedAt: confirmed.confirmedAt, credits: 2.25, loggedBy: { fullName: 'Ella Evans' } }]);

    // 8. Transcript: both sides earn the confirmed hours' credits, category Mentoring.
    for (const [person, partner, role] of [[ella, 'Maya Mentor', 'mentee'], [maya, 'Ella Evans', 'mentor']] as const) {
      const transcript = (await t.gql(TRANSCRIPT, {}, person.accessToken)).data!.myTranscript;
      expect(transcript.totalCredits).toBe(2.25);
      expect(transcript.byCategory).toEqual([{ category: 'Mentoring', credits: 2.25 }]);
      expect(transcript.entries).toEqual([
        { source: 'MENTORING', title: `Mentoring session with ${partner} (as ${role}) — Early career · Spring`, date: happenedAt, credits: 2.25, category: 'Mentoring' },
      ]);
    }
    const before = (await t.gql(TRANSCRIPT, { to: new Date(Date.parse(happenedAt) - 1000).toISOString() }, ella.accessToken)).data!.myTranscript;
    expect(before).toMatchObject({ totalCredits: 0, byCategory: [], entries: [] });
    expect((await t.gql(TRANSCRIPT, {}, finn.accessToken)).data!.myTranscript.totalCredits).toBe(0); // unconfirmed or none: nothing

    // 9. Feedback: a "not a good fit" flags the pair for the admin.
    const finnPair = (await t.gql(MY_MENTORING, {}, finn.accessToken)).data!.myMentoring[0].id;
    expect((await t.gql(FEEDBACK, { pairId: finnPair, rating: 2, goodFit: false, comment: 'We never found a time' }, finn.accessToken)).data!.submitPairFeedback).toBe(true);
    await t.gql(FEEDBACK, { pairId, rating: 5, goodFit: true }, ella.accessToken);

    // 10. At risk: 21 days without a check-in → one nudge to both sides, however often the job runs.
    const jobs = t.app.get(MentoringJobsService);
    const gitaPair = (await t.gql(MY_MENTORING, {}, gita.accessToken)).data!.myMentoring[0].id;
    expect((await jobs.run(new Date(Date.now() + 20 * DAY))).nudgesSent).toBe(0);
    expect((await jobs.run(new Date(Date.now() + 22 * DAY))).nudgesSent).toBe(6); // three quiet pairs, two people each
    expect((await jobs.run(new Date(Date.now() + 23 * DAY))).nudgesSent).toBe(0);
    expect((await outbox(gita.id)).filter((m) => m === 'mentoring-at-risk')).toHaveLength(1);
    expect((await outbox(omar.id)).filter((m) => m === 'mentoring-at-risk')).toHaveLength(1);
    expect((await outbox(maya.id)).filter((m) => m === 'mentoring-at-risk')).toHaveLength(2); // one per pair
    // The job runner does the same (with the pair's clock moved back instead of the job's forward).
    await t.sql(`UPDATE mentoring_pairs SET started_at = now() - interval '43 days' WHERE id = $1`, [gitaPair]);
    await t.sql(`SELECT graphile_worker.add_job('mentoring-daily', '{}'::json)`);
    await t.runJobs();
    expect((await outbox(gita.id)).filter((m) => m === 'mentoring-at-risk')).toHaveLength(2); // a new 21-day window
    expect((await t.gql(MY_MENTORING, {}, gita.accessToken)).data!.myMentoring[0].atRisk).toBe(true);

    // 11. End a pair: a clear end, both sides told.
    const ended = (await t.gql(END, { pairId, outcome: 'COMPLETED', reason: 'Goals met' }, maya.accessToken)).data!.endPair;
    expect(ended).toMatchObject({ id: pairId, status: 'COMPLETED', endReason: 'Goals met' });
    expect(await outbox(ella.id)).toContain('mentoring-pair-completed');
    expect(await outbox(maya.id)).toContain('mentoring-pair-completed');
    expect(errorCode(await t.gql(END, { pairId, outcome: 'ENDED_EARLY' }, ella.accessToken))).toBe('CONFLICT');
    expect(errorCode(await t.gql(LOG, { pairId, input: { happenedAt: new Date().toISOString(), durationMinutes: 30 } }, ella.accessToken))).toBe('CONFLICT');

    // 12. Report.
    const report = (await t.gql(REPORT, { id: cohortId }, admin.accessToken)).data!.cohort.report;
    expect(report.pairsByStatus).toEqual([{ status: 'ACTIVE', count: 2 }, { status: 'COMPLETED', count: 1 }, { status: 'ENDED_EARLY', count: 0 }]);
    expect(report.checkInsPerPair.map((r: { checkIns: number }) => r.checkIns)).toEqual([0, 0, 1]);
    expect(report.checkInsPerPair[2]).toEqual({ pair: { id: pairId }, checkIns: 1, confirmedCheckIns: 1, confirmedMinutes: 90 });
    expect(report.averageRating).toBe(3.5);
    expect(report.feedbackCount).toBe(2);
    expect(report.atRiskPairs).toEqual([{ id: gitaPair, mentee: { fullName: 'Gita Gupta' } }]);
    expect(report.flaggedPairs).toEqual([{ pair: { id: finnPair }, flaggedBy: { fullName: 'Finn Fischer' }, rating: 2, comment: 'We never found a time' }]);
    expect(report.unmatchedMentees).toEqual([{ id: apps.kai, user: { fullName: 'Kai Kim' } }]);
    expect(report).toMatchObject({ goalsCompleted: 1, goalsTotal: 1 });

    // 13. The admin's changes are in the audit log.
    const audit = await t.sql(`SELECT action FROM audit_log WHERE action LIKE 'mentoring.%' ORDER BY created_at`);
    expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining([
      'mentoring.program.create', 'mentoring.cohort.create', 'mentoring.cohort.applications_open', 'mentoring.application.approve',
      'mentoring.application.decline', 'mentoring.cohort.matching', 'mentoring.match.exclude', 'mentoring.match.lock', 'mentoring.match.unlock',
      'mentoring.cohort.publish',
    ]));

    // 14. When the cohort ends, the job completes it and its remaining pairs.
    const finished = await jobs.run(new Date(Date.now() + 121 * DAY));
    expect(finished).toMatchObject({ completedCohorts: 1, completedPairs: 2 });
    expect((await t.gql(COHORT, { id: cohortId }, admin.accessToken)).data!.cohort.status).toBe('COMPLETED');
  });
});
