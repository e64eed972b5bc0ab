import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { APPLY, applicationInput, cohortInput, createCohort, createProgram, publishedCohort } from '../factories/mentoring.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { errorCode, GqlResult, startTestApp, TestApp } from '../utils/test-app.js';

const CREATE_PROGRAM = `mutation($input: CreateMentoringProgramInput!) { createMentoringProgram(input: $input) { id } }`;
const CREATE_COHORT = `mutation($input: CreateCohortInput!) { createCohort(input: $input) { id } }`;
const LOG = `mutation($pairId: ID!, $input: CheckInInput!) { logCheckIn(pairId: $pairId, input: $input) { id credits } }`;

/** Every input is checked: BAD_USER_INPUT naming the field, and nothing written. */
describe('mentoring: input validation', () => {
  let t: TestApp;
  let admin: TestUser;
  let programId: string;
  let openCohort: string;
  let mentor: TestUser;
  let mentee: TestUser;
  let pairId: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
    programId = await createProgram(t, admin, { name: 'Taken name', ceCreditsPerHour: 2 });
    openCohort = await createCohort(t, admin, programId, { open: true });
    mentor = await signUpUser(t);
    mentee = await signUpUser(t);
    pairId = (await publishedCohort(t, admin, { programId, mentors: [{ user: mentor }], mentees: [mentee] })).pairs[0].id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const count = async (table: string) => (await t.sql(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  const expectField = (result: GqlResult, field: string) => {
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions.fields!.map((f) => f.path)).toContain(field);
  };

  it.each([
    ['an empty name', { name: '   ' }, 'input.name'],
    ['credits over 10 an hour', { ceCreditsPerHour: 11 }, 'input.ceCreditsPerHour'],
    ['negative credits', { ceCreditsPerHour: -1 }, 'input.ceCreditsPerHour'],
    ['credits with three decimals', { ceCreditsPerHour: 1.125 }, 'input.ceCreditsPerHour'],
  ])('createMentoringProgram refuses %s', async (_label, patch, field) => {
    const before = await count('mentoring_programs');
    expectField(await t.gql(CREATE_PROGRAM, { input: { name: 'New', membersOnly: false, ceCreditsPerHour: 1, ...patch } }, admin.accessToken), field);
    expect(await count('mentoring_programs')).toBe(before);
  });

  it('a duplicate program name is CONFLICT', async () => {
    const result = await t.gql(CREATE_PROGRAM, { input: { name: 'Taken name', membersOnly: false, ceCreditsPerHour: 1 } }, admin.accessToken);
    expect(errorCode(result)).toBe('CONFLICT');
    expect(result.errors![0].extensions.reason).toBe('PROGRAM_NAME_TAKEN');
  });

  it.each([
    ['an end before the start', { endsAt: '2020-01-01T00:00:00Z', startsAt: '2020-02-01T00:00:00Z' }, 'input.endsAt'],
    ['applications closing after the start', { startsAt: '2030-01-01T00:00:00Z', endsAt: '2030-06-01T00:00:00Z', applicationsCloseAt: '2030-01-02T00:00:00Z' }, 'input.applicationsCloseAt'],
    ['a cohort over three years', { startsAt: '2030-01-01T00:00:00Z', endsAt: '2034-01-01T00:00:00Z' }, 'input.endsAt'],
    ['a weight over 10', { matchingWeights: { topics: 11, goals: 1, experienceGap: 1, timezone: 1, format: 1 } }, 'input.matchingWeights.topics'],
    ['a negative weight', { matchingWeights: { topics: 1, goals: -1, experienceGap: 1, timezone: 1, format: 1 } }, 'input.matchingWeights.goals'],
    ['a negative experience gap', { matchingSettings: { minExperienceGapYears: -1 } }, 'input.matchingSettings.minExperienceGapYears'],
    ['an unknown program', { programId: '00000000-0000-4000-8000-000000000000' }, 'input.programId'],
    ['a malformed program id', { programId: 'program-1' }, 'input.programId'],
  ])('createCohort refuses %s', async (_label, patch, field) => {
    const before = await count('mentoring_cohorts');
    const input = { ...cohortInput(programId), ...patch };
    expectField(await t.gql(CREATE_COHORT, { input }, admin.accessToken), field);
    expect(await count('mentoring_cohorts')).toBe(before);
  });

  it.each([
    ['a mentor capacity over 5', { role: 'MENTOR', capacity: 6 }, 'input.capacity'],
    ['a mentor capacity of 0', { role: 'MENTOR', capacity: 0 }, 'input.capacity'],
    ['a mentee capacity other than 1', { role: 'MENTEE', capacity: 2 }, 'input.capacity'],
    ['an unknown time zone', { role: 'MENTEE', timezone: 'Mars/Olympus_Mons' }, 'input.timezone'],
    ['no topics', { role: 'MENTEE', topics: [] }, 'input.topics'],
    ['eleven topics', { role: 'MENTEE', topics: Array.from({ length: 11 }, (_, i) => `topic ${i}`) }, 'input.topics'],
    ['a blank topic', { role: 'MENTEE', topics: ['ok', '  '] }, 'input.topics'],
    ['negative experience', { role: 'MENTEE', yearsOfExperience: -1 }, 'input.yearsOfExperience'],
    ['goals over 2000 characters', { role: 'MENTEE', goals: 'x'.repeat(2001) }, 'input.goals'],
  ] as const)('applyToCohort refuses %s', async (_label, patch, field) => {
    const before = await count('mentoring_applications');
    const input = { ...applicationInput(openCohort, { role: patch.role }), ...patch };
    expectField(await t.gql(APPLY, { input }, (await signUpUser(t)).accessToken), field);
    expect(await count('mentoring_applications')).toBe(before);
  });

  it('applyToCohort normalises topics (trimmed, lower-case, distinct) and refuses an unknown cohort on cohortId', async () => {
    const applied = await t.gql(APPLY, { input: applicationInput(openCohort, { role: 'MENTOR', topics: ['  System   Design ', 'system design', 'Go'], capacity: 3 }) }, (await signUpUser(t)).accessToken);
    expect(applied.data!.applyToCohort).toMatchObject({ topics: ['system design', 'go'], capacity: 3, status: 'SUBMITTED' });
    expectField(await t.gql(APPLY, { input: applicationInput('00000000-0000-4000-8000-000000000000', { role: 'MENTEE' }) }, mentee.accessToken), 'input.cohortId');
    expectField(await t.gql(APPLY, { input: applicationInput('nope', { role: 'MENTEE' }) }, mentee.accessToken), 'input.cohortId');
  });

  it('check-ins: a real duration, not in the future, not before the pair began, once per moment; confirming twice changes nothing', async () => {
    const before = await count('mentoring_check_ins');
    expectField(await t.gql(LOG, { pairId, input: { happenedAt: new Date().toISOString(), durationMinutes: 3 } }, mentee.accessToken), 'input.durationMinutes');
    expectField(await t.gql(LOG, { pairId, input: { happenedAt: new Date().toISOString(), durationMinutes: 481 } }, mentee.accessToken), 'input.durationMinutes');
    expectField(await t.gql(LOG, { pairId, input: { happenedAt: new Date(Date.now() + 3_600_000).toISOString(), durationMinutes: 30 } }, mentee.accessToken), 'input.happenedAt');
    expectField(await t.gql(LOG, { pairId, input: { happenedAt: '2020-01-01T00:00:00Z', durationMinutes: 30 } }, mentee.accessToken), 'input.happenedAt');
    expectField(await t.gql(LOG, { pairId, input: { happenedAt: 'yesterday', durationMinutes: 30 } }, mentee.accessToken), 'input.happenedAt');
    expect(await count('mentoring_check_ins')).toBe(before);

    const at = new Date().toISOString();
    const logged = (await t.gql(LOG, { pairId, input: { happenedAt: at, durationMinutes: 40 } }, mentee.accessToken)).data!.logCheckIn;
    const duplicate = await t.gql(LOG, { pairId, input: { happenedAt: at, durationMinutes: 40 } }, mentor.accessToken);
    expect(errorCode(duplicate)).toBe('CONFLICT');
    expect(duplicate.errors![0].extensions.reason).toBe('DUPLICATE_CHECK_IN');
    const confirm = `mutation($id: ID!) { confirmCheckIn(checkInId: $id) { confirmedAt credits } }`;
    const first = (await t.gql(confirm, { id: logged.id }, mentor.accessToken)).data!.confirmCheckIn;
    expect(first.credits).toBe(1.33); // 40 minutes × 2 credits an hour, to the hundredth
    expect((await t.gql(confirm, { id: logged.id }, mentor.accessToken)).data!.confirmCheckIn).toEqual(first);
  });

  it('goals, feedback and ending: every argument checked', async () => {
    const setGoal = `mutation($pairId: ID!, $input: GoalInput!) { setGoal(pairId: $pairId, input: $input) { id } }`;
    expectField(await t.gql(setGoal, { pairId, input: { title: '' } }, mentee.accessToken), 'input.title');
    expectField(await t.gql(setGoal, { pairId, input: { title: 'x'.repeat(201) } }, mentee.accessToken), 'input.title');
    expectField(await t.gql(setGoal, { pairId: 'x', input: { title: 'ok' } }, mentee.accessToken), 'pairId');
    const feedback = `mutation($pairId: ID!, $rating: Int!) { submitPairFeedback(pairId: $pairId, rating: $rating, goodFit: true) }`;
    expectField(await t.gql(feedback, { pairId, rating: 6 }, mentee.accessToken), 'rating');
    expectField(await t.gql(feedback, { pairId, rating: 0 }, mentee.accessToken), 'rating');
    expect(await count('mentoring_pair_feedback')).toBe(0);
    const end = `mutation($pairId: ID!, $outcome: PairStatus!) { endPair(pairId: $pairId, outcome: $outcome) { id } }`;
    expectField(await t.gql(end, { pairId, outcome: 'ACTIVE' }, mentee.accessToken), 'outcome');
    const transcript = `query($from: DateTime, $to: DateTime) { myTranscript(from: $from, to: $to) { totalCredits } }`;
    expectField(await t.gql(transcript, { from: '2030-01-01T00:00:00Z', to: '2029-01-01T00:00:00Z' }, mentee.accessToken), 'to');
  });

  it('a pair holds at most 20 goals', async () => {
    const setGoal = `mutation($pairId: ID!, $title: String!) { setGoal(pairId: $pairId, input: { title: $title }) { id } }`;
    const existing = (await t.sql(`SELECT count(*)::int AS n FROM mentoring_goals WHERE pair_id = $1`, [pairId]))[0].n;
    for (let i = existing; i < 20; i += 1) expect(errorCode(await t.gql(setGoal, { pairId, title: `Goal ${i}` }, mentor.accessToken))).toBeUndefined();
    const refused = await t.gql(setGoal, { pairId, title: 'One too many' }, mentee.accessToken);
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors![0].extensions.reason).toBe('TOO_MANY_GOALS');
  });
});
