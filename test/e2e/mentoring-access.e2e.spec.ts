import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  applicationInput,
  applyOk,
  cohortInput,
  createCohort,
  createProgram,
  PAIR_OVERRIDE,
  PROPOSE,
  PUBLISH,
  publishedCohort,
  REVIEW,
} from '../factories/mentoring.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { errorCode, GqlResult, startTestApp, TestApp } from '../utils/test-app.js';

type Who = 'anonymous' | 'owner' | 'other member' | 'admin';

/**
 * The authorization matrix: every mentoring operation and private field, asked by someone signed out,
 * by the person it belongs to, by another member, and by an admin.
 */
describe('mentoring: authorization matrix', () => {
  let t: TestApp;
  let admin: TestUser;
  let mentor: TestUser;
  let menteeA: TestUser;
  let menteeB: TestUser;
  let outsider: TestUser;
  let programId: string;
  let cohortId: string;
  let pairA: string;
  let pairB: string;
  let checkInA: string;
  let goalA: string;
  let draftId: string;
  let openCohortId: string;
  let applicationOfA: string;

  const token = (who: Who, owner: TestUser = menteeA): string | undefined =>
    who === 'anonymous' ? undefined : who === 'owner' ? owner.accessToken : who === 'other member' ? outsider.accessToken : admin.accessToken;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
    [mentor, menteeA, menteeB, outsider] = await Promise.all(['Mentor Max', 'Mentee Ann', 'Mentee Bo', 'Outsider Olga'].map((fullName) => signUpUser(t, { fullName })));
    programId = await createProgram(t, admin, { ceCreditsPerHour: 1 });
    const published = await publishedCohort(t, admin, { programId, mentors: [{ user: mentor, capacity: 2 }], mentees: [menteeA, menteeB] });
    cohortId = published.cohortId;
    pairA = published.pairs.find((p) => p.mentee.id === menteeA.id)!.id;
    pairB = published.pairs.find((p) => p.mentee.id === menteeB.id)!.id;
    const log = `mutation($pairId: ID!, $input: CheckInInput!) { logCheckIn(pairId: $pairId, input: $input) { id } }`;
    checkInA = (await t.gql(log, { pairId: pairA, input: { happenedAt: new Date().toISOString(), durationMinutes: 60, notes: 'private notes of A' } }, menteeA.accessToken)).data!.logCheckIn.id;
    await t.gql(log, { pairId: pairB, input: { happenedAt: new Date().toISOString(), durationMinutes: 30, notes: 'private notes of B' } }, menteeB.accessToken);
    goalA = (await t.gql(`mutation($pairId: ID!) { setGoal(pairId: $pairId, input: { title: "Goal of A" }) { id } }`, { pairId: pairA }, menteeA.accessToken)).data!.setGoal.id;
    draftId = await createCohort(t, admin, programId, { name: 'Draft' });
    openCohortId = await createCohort(t, admin, programId, { name: 'Open', open: true });
    applicationOfA = await applyOk(t, menteeA, openCohortId, { role: 'MENTEE' });
    await applyOk(t, menteeB, openCohortId, { role: 'MENTEE' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const expectCode = (result: GqlResult, code: string | undefined) => {
    if (code === undefined) expect(result.errors).toBeUndefined();
    else expect(errorCode(result)).toBe(code);
  };

  describe('admin-only operations', () => {
    const cases: Array<[string, () => { query: string; variables: Record<string, unknown> }]> = [
      ['createMentoringProgram', () => ({ query: `mutation($input: CreateMentoringProgramInput!) { createMentoringProgram(input: $input) { id } }`, variables: { input: { name: `P ${Math.random()}`, membersOnly: false, ceCreditsPerHour: 1 } } })],
      ['createCohort', () => ({ query: `mutation($input: CreateCohortInput!) { createCohort(input: $input) { id } }`, variables: { input: cohortInput(programId, { name: `C ${Math.random()}` }) } })],
      ['updateCohortMatching', () => ({ query: `mutation($id: ID!) { updateCohortMatching(cohortId: $id, input: { matchingSettings: { allowRepeatPairs: true } }) { id } }`, variables: { id: openCohortId } })],
      ['proposeMatches', () => ({ query: PROPOSE, variables: { id: openCohortId } })],
      ['reviewApplication', () => ({ query: REVIEW, variables: { id: applicationOfA, approve: true } })],
    ];
    it.each(cases)('%s: anonymous UNAUTHENTICATED, members (mentors included) FORBIDDEN, admins allowed', async (_name, make) => {
      const { query, variables } = make();
      expectCode(await t.gql(query, variables), 'UNAUTHENTICATED');
      expectCode(await t.gql(query, variables, menteeA.accessToken), 'FORBIDDEN');
      expectCode(await t.gql(query, variables, mentor.accessToken), 'FORBIDDEN');
      expectCode(await t.gql(query, variables, admin.accessToken), undefined);
    });

    it('open, close, lock, exclude, unlock and publish: members FORBIDDEN, writing nothing', async () => {
      const ops = [
        { query: `mutation($id: ID!) { openCohortApplications(cohortId: $id) { id } }`, variables: { id: draftId } },
        { query: `mutation($id: ID!) { closeCohortApplications(cohortId: $id) { id } }`, variables: { id: openCohortId } },
        { query: PUBLISH, variables: { id: openCohortId } },
        ...(['lockPair', 'excludePair', 'unlockPair'] as const).map((m) => ({ query: PAIR_OVERRIDE(m), variables: { cohortId: openCohortId, mentor: applicationOfA, mentee: applicationOfA } })),
      ];
      for (const { query, variables } of ops) {
        expectCode(await t.gql(query, variables), 'UNAUTHENTICATED');
        expectCode(await t.gql(query, variables, mentor.accessToken), 'FORBIDDEN');
      }
      const [draft] = await t.sql(`SELECT status FROM mentoring_cohorts WHERE id = $1`, [draftId]);
      expect(draft.status).toBe('DRAFT');
      expect(await t.sql(`SELECT count(*)::int AS n FROM mentoring_match_overrides`)).toEqual([{ n: 0 }]);
    });
  });

  describe('reading', () => {
    it('mentoringPrograms and cohort(id): signed-in only; drafts are hidden from members', async () => {
      const q = `query($id: ID!) { mentoringPrograms { id cohorts { id } } cohort(id: $id) { id status } }`;
      expectCode(await t.gql(q, { id: draftId }), 'UNAUTHENTICATED');
      const member = await t.gql(q, { id: draftId }, outsider.accessToken);
      expect(member.data!.cohort).toBeNull();
      expect(member.data!.mentoringPrograms.find((p: { id: string }) => p.id === programId).cohorts.map((c: { id: string }) => c.id)).not.toContain(draftId);
      const asAdmin = await t.gql(q, { id: draftId }, admin.accessToken);
      expect(asAdmin.data!.cohort).toEqual({ id: draftId, status: 'DRAFT' });
      expect(asAdmin.data!.mentoringPrograms.find((p: { id: string }) => p.id === programId).cohorts.map((c: { id: string }) => c.id)).toContain(draftId);
    });

    it('Cohort.applications: the applicant sees their own, another member none, an admin all', async () => {
      const q = `query($id: ID!) { cohort(id: $id) { applications(first: 10) { totalCount edges { node { id goals user { id fullName } } } } } }`;
      expectCode(await t.gql(q, { id: openCohortId }), 'UNAUTHENTICATED');
      const owner = (await t.gql(q, { id: openCohortId }, menteeA.accessToken)).data!.cohort.applications;
      expect(owner.totalCount).toBe(1);
      expect(owner.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([applicationOfA]);
      const other = (await t.gql(q, { id: openCohortId }, outsider.accessToken)).data!.cohort.applications;
      expect(other).toEqual({ totalCount: 0, edges: [] });
      const all = (await t.gql(q, { id: openCohortId }, admin.accessToken)).data!.cohort.applications;
      expect(all.totalCount).toBe(2);
    });

    it('Cohort.pairs and their check-ins and goals: each mentee only their own pair, the mentor both, an outsider nothing, an admin all', async () => {
      const q = `query($id: ID!) { cohort(id: $id) { pairs { id mentee { fullName } goals { title } checkIns { notes } } } }`;
      expectCode(await t.gql(q, { id: cohortId }), 'UNAUTHENTICATED');
      const a = (await t.gql(q, { id: cohortId }, menteeA.accessToken)).data!.cohort.pairs;
      expect(a).toEqual([{ id: pairA, mentee: { fullName: 'Mentee Ann' }, goals: [{ title: 'Goal of A' }], checkIns: [{ notes: 'private notes of A' }] }]);
      const b = await t.gql(q, { id: cohortId }, menteeB.accessToken);
      expect(JSON.stringify(b)).not.toContain('private notes of A');
      expect(b.data!.cohort.pairs.map((p: { id: string }) => p.id)).toEqual([pairB]);
      expect((await t.gql(q, { id: cohortId }, outsider.accessToken)).data!.cohort.pairs).toEqual([]);
      expect((await t.gql(q, { id: cohortId }, mentor.accessToken)).data!.cohort.pairs.map((p: { id: string }) => p.id).sort()).toEqual([pairA, pairB].sort());
      expect((await t.gql(q, { id: cohortId }, admin.accessToken)).data!.cohort.pairs).toHaveLength(2);
    });

    it('myMentoring: yours only', async () => {
      const q = `{ myMentoring { id checkIns { notes } } }`;
      expectCode(await t.gql(q, {}), 'UNAUTHENTICATED');
      expect((await t.gql(q, {}, menteeA.accessToken)).data!.myMentoring).toEqual([{ id: pairA, checkIns: [{ notes: 'private notes of A' }] }]);
      expect((await t.gql(q, {}, outsider.accessToken)).data!.myMentoring).toEqual([]);
      expect((await t.gql(q, {}, admin.accessToken)).data!.myMentoring).toEqual([]);
    });

    it('myMentoringApplications: yours only, with the cohort and program, filtered by status', async () => {
      const q = `query($status: ApplicationStatus) { myMentoringApplications(first: 10, status: $status) { totalCount edges { node { id role status cohort { id program { id } } } } } }`;
      expectCode(await t.gql(q, {}), 'UNAUTHENTICATED');
      const [{ status }] = await t.sql<{ status: string }>(`SELECT status FROM mentoring_applications WHERE id = $1`, [applicationOfA]);
      const own = (await t.gql(q, {}, menteeA.accessToken)).data!.myMentoringApplications;
      expect(own.edges[0].node).toEqual({ id: applicationOfA, role: 'MENTEE', status, cohort: { id: openCohortId, program: { id: programId } } });
      expect(own.edges.map((e: { node: { cohort: { id: string } } }) => e.node.cohort.id)).toEqual([openCohortId, cohortId]); // newest first
      expect(own.totalCount).toBe(2);
      expect(JSON.stringify((await t.gql(q, {}, menteeB.accessToken)).data)).not.toContain(applicationOfA);
      const filtered = (await t.gql(q, { status }, menteeA.accessToken)).data!.myMentoringApplications.edges.map((e: { node: { id: string; status: string } }) => e.node);
      expect(filtered.map((n: { id: string }) => n.id)).toContain(applicationOfA);
      expect(new Set(filtered.map((n: { status: string }) => n.status))).toEqual(new Set([status]));
      expect((await t.gql(q, { status: 'WITHDRAWN' }, menteeA.accessToken)).data!.myMentoringApplications.totalCount).toBe(0);
      // An admin sees only their own (none), never everyone's.
      expect((await t.gql(q, {}, admin.accessToken)).data!.myMentoringApplications).toEqual({ totalCount: 0, edges: [] });
      expect((await t.gql(q, {}, outsider.accessToken)).data!.myMentoringApplications.edges.every((e: { node: { id: string } }) => e.node.id !== applicationOfA)).toBe(true);
    });

    it('myMentoringApplications: pages with a cursor and a hard cap', async () => {
      const page = `query($after: String) { myMentoringApplications(first: 1, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
      const first = (await t.gql(page, {}, menteeA.accessToken)).data!.myMentoringApplications;
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = (await t.gql(page, { after: first.pageInfo.endCursor }, menteeA.accessToken)).data!.myMentoringApplications;
      expect(second.edges).toHaveLength(1);
      expect(second.edges[0].node.id).not.toBe(first.edges[0].node.id);
      expect(second.pageInfo.hasNextPage).toBe(false);
      expectCode(await t.gql(`{ myMentoringApplications(first: 5000) { totalCount } }`, {}, menteeA.accessToken), 'BAD_USER_INPUT');
    });

    it('Cohort.report: admins only', async () => {
      const q = `query($id: ID!) { cohort(id: $id) { report { feedbackCount } } }`;
      expectCode(await t.gql(q, { id: cohortId }), 'UNAUTHENTICATED');
      expectCode(await t.gql(q, { id: cohortId }, mentor.accessToken), 'FORBIDDEN');
      expectCode(await t.gql(q, { id: cohortId }, menteeA.accessToken), 'FORBIDDEN');
      expectCode(await t.gql(q, { id: cohortId }, admin.accessToken), undefined);
    });

    it('a pair partner’s email stays private', async () => {
      const result = await t.gql(`{ myMentoring { mentor { fullName email } } }`, {}, menteeA.accessToken);
      expect(errorCode(result)).toBe('FORBIDDEN');
      expect(JSON.stringify(result)).not.toContain(mentor.email);
    });

    it('myTranscript: signed-in only, and only your own credits', async () => {
      const q = `{ myTranscript { totalCredits entries { title } } }`;
      expectCode(await t.gql(q, {}), 'UNAUTHENTICATED');
      expect((await t.gql(q, {}, outsider.accessToken)).data!.myTranscript).toEqual({ totalCredits: 0, entries: [] });
    });
  });

  describe("the applicant's and the pair's own operations", () => {
    it('withdrawApplication: the applicant only (another member NOT_FOUND, an admin FORBIDDEN)', async () => {
      const application = await applyOk(t, outsider, openCohortId, { role: 'MENTOR' });
      const q = `mutation($id: ID!) { withdrawApplication(applicationId: $id) { status } }`;
      expectCode(await t.gql(q, { id: application }), 'UNAUTHENTICATED');
      expectCode(await t.gql(q, { id: application }, menteeA.accessToken), 'NOT_FOUND');
      expectCode(await t.gql(q, { id: application }, admin.accessToken), 'FORBIDDEN');
      expect((await t.gql(q, { id: application }, outsider.accessToken)).data!.withdrawApplication.status).toBe('WITHDRAWN');
    });

    const pairOps: Array<[string, () => { query: string; variables: Record<string, unknown> }, TestUser | 'menteeA']> = [
      ['setGoal', () => ({ query: `mutation($id: ID!) { setGoal(pairId: $id, input: { title: "x" }) { id } }`, variables: { id: pairA } }), 'menteeA'],
      ['updateGoal', () => ({ query: `mutation($id: ID!) { updateGoal(goalId: $id, input: { title: "Renamed" }) { id } }`, variables: { id: goalA } }), 'menteeA'],
      ['logCheckIn', () => ({ query: `mutation($id: ID!, $at: DateTime!) { logCheckIn(pairId: $id, input: { happenedAt: $at, durationMinutes: 30 }) { id } }`, variables: { id: pairA, at: new Date().toISOString() } }), 'menteeA'],
      ['submitPairFeedback', () => ({ query: `mutation($id: ID!) { submitPairFeedback(pairId: $id, rating: 4, goodFit: true) }`, variables: { id: pairA } }), 'menteeA'],
    ];
    it.each(pairOps)('%s: the pair only (another member NOT_FOUND, an admin FORBIDDEN)', async (_name, make) => {
      const { query, variables } = make();
      expectCode(await t.gql(query, variables), 'UNAUTHENTICATED');
      expectCode(await t.gql(query, variables, outsider.accessToken), 'NOT_FOUND');
      expectCode(await t.gql(query, variables, menteeB.accessToken), 'NOT_FOUND'); // in the same cohort, another pair
      expectCode(await t.gql(query, variables, admin.accessToken), 'FORBIDDEN');
      expectCode(await t.gql(query, variables, token('owner')), undefined);
    });

    it('confirmCheckIn: the other side of the pair only', async () => {
      const q = `mutation($id: ID!) { confirmCheckIn(checkInId: $id) { credits } }`;
      expectCode(await t.gql(q, { id: checkInA }), 'UNAUTHENTICATED');
      expectCode(await t.gql(q, { id: checkInA }, outsider.accessToken), 'NOT_FOUND');
      expectCode(await t.gql(q, { id: checkInA }, menteeB.accessToken), 'NOT_FOUND');
      expectCode(await t.gql(q, { id: checkInA }, admin.accessToken), 'FORBIDDEN');
      expectCode(await t.gql(q, { id: checkInA }, menteeA.accessToken), 'FORBIDDEN'); // who logged it
      expect((await t.gql(q, { id: checkInA }, mentor.accessToken)).data!.confirmCheckIn.credits).toBe(1);
    });

    it('endPair: either side or an admin; another member NOT_FOUND', async () => {
      const mentee = await signUpUser(t);
      const { pairs } = await publishedCohort(t, admin, { mentors: [{ user: mentor }], mentees: [mentee] });
      const q = `mutation($id: ID!) { endPair(pairId: $id, outcome: ENDED_EARLY, reason: "Moved abroad") { status } }`;
      expectCode(await t.gql(q, { id: pairs[0].id }), 'UNAUTHENTICATED');
      expectCode(await t.gql(q, { id: pairs[0].id }, outsider.accessToken), 'NOT_FOUND');
      expect((await t.gql(q, { id: pairs[0].id }, admin.accessToken)).data!.endPair.status).toBe('ENDED_EARLY');
      const audit = await t.sql(`SELECT actor_id FROM audit_log WHERE action = 'mentoring.pair.end' AND target_id = $1`, [pairs[0].id]);
      expect(audit).toHaveLength(1);
    });

    it('applyToCohort: signed-in only', async () => {
      const q = `mutation($input: ApplyToCohortInput!) { applyToCohort(input: $input) { id } }`;
      expectCode(await t.gql(q, { input: applicationInput(openCohortId, { role: 'MENTOR' }) }), 'UNAUTHENTICATED');
    });
  });
});
