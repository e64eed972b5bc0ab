import { applyFor, createTier } from './tiers.js';
import { signUpUser, TestUser } from './users.js';
import { TestApp } from '../utils/test-app.js';

const DAY = 86_400_000;
let sequence = 0;

export interface ProgramInput {
  name?: string;
  description?: string | null;
  membersOnly?: boolean;
  ceCreditsPerHour?: number;
}

export interface CohortInput {
  name?: string;
  applicationsCloseAt?: string | null;
  startsAt?: string;
  endsAt?: string;
  matchingWeights?: { topics: number; goals: number; experienceGap: number; timezone: number; format: number };
  matchingSettings?: { forbidSameEmployer?: boolean; minExperienceGapYears?: number; allowRepeatPairs?: boolean };
}

export interface ApplicationInput {
  role: 'MENTOR' | 'MENTEE';
  topics?: string[];
  goals?: string | null;
  yearsOfExperience?: number;
  timezone?: string;
  preferredFormat?: 'VIDEO' | 'IN_PERSON' | 'EITHER';
  capacity?: number;
}

async function must<T>(t: TestApp, query: string, variables: Record<string, unknown>, token: string, field: string): Promise<T> {
  const result = await t.gql(query, variables, token);
  if (!result.data?.[field]) throw new Error(`${field} failed: ${JSON.stringify(result.errors)}`);
  return result.data[field] as T;
}

export async function createProgram(t: TestApp, admin: TestUser, overrides: ProgramInput = {}): Promise<string> {
  const input = {
    name: overrides.name ?? `Program ${++sequence} ${Math.random().toString(36).slice(2, 6)}`,
    description: overrides.description ?? null,
    membersOnly: overrides.membersOnly ?? false,
    ceCreditsPerHour: overrides.ceCreditsPerHour ?? 1,
  };
  const program = await must<{ id: string }>(t, `mutation($input: CreateMentoringProgramInput!) { createMentoringProgram(input: $input) { id } }`, { input }, admin.accessToken, 'createMentoringProgram');
  return program.id;
}

export function cohortInput(programId: string, overrides: CohortInput = {}) {
  const now = Date.now();
  return {
    programId,
    name: overrides.name ?? `Cohort ${++sequence}`,
    applicationsCloseAt: overrides.applicationsCloseAt ?? null,
    startsAt: overrides.startsAt ?? new Date(now - DAY).toISOString(),
    endsAt: overrides.endsAt ?? new Date(now + 90 * DAY).toISOString(),
    ...(overrides.matchingWeights ? { matchingWeights: overrides.matchingWeights } : {}),
    matchingSettings: { forbidSameEmployer: true, minExperienceGapYears: 2, allowRepeatPairs: false, ...overrides.matchingSettings },
  };
}

/** A cohort in DRAFT; `open: true` also opens its applications. */
export async function createCohort(t: TestApp, admin: TestUser, programId: string, overrides: CohortInput & { open?: boolean } = {}): Promise<string> {
  const cohort = await must<{ id: string }>(t, `mutation($input: CreateCohortInput!) { createCohort(input: $input) { id } }`, { input: cohortInput(programId, overrides) }, admin.accessToken, 'createCohort');
  if (overrides.open) await openCohort(t, admin, cohort.id);
  return cohort.id;
}

export async function openCohort(t: TestApp, admin: TestUser, cohortId: string): Promise<void> {
  await must(t, `mutation($id: ID!) { openCohortApplications(cohortId: $id) { id } }`, { id: cohortId }, admin.accessToken, 'openCohortApplications');
}

export async function closeCohort(t: TestApp, admin: TestUser, cohortId: string): Promise<void> {
  await must(t, `mutation($id: ID!) { closeCohortApplications(cohortId: $id) { id } }`, { id: cohortId }, admin.accessToken, 'closeCohortApplications');
}

export const APPLY = `mutation($input: ApplyToCohortInput!) { applyToCohort(input: $input) { id role status capacity topics } }`;

export function applicationInput(cohortId: string, input: ApplicationInput) {
  return {
    cohortId,
    role: input.role,
    topics: input.topics ?? ['leadership'],
    goals: input.goals ?? null,
    yearsOfExperience: input.yearsOfExperience ?? (input.role === 'MENTOR' ? 15 : 2),
    timezone: input.timezone ?? 'Europe/Berlin',
    preferredFormat: input.preferredFormat ?? 'EITHER',
    ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
  };
}

export function applyTo(t: TestApp, user: TestUser, cohortId: string, input: ApplicationInput) {
  return t.gql(APPLY, { input: applicationInput(cohortId, input) }, user.accessToken);
}

export async function applyOk(t: TestApp, user: TestUser, cohortId: string, input: ApplicationInput): Promise<string> {
  return (await must<{ id: string }>(t, APPLY, { input: applicationInput(cohortId, input) }, user.accessToken, 'applyToCohort')).id;
}

export const REVIEW = `mutation($id: ID!, $approve: Boolean!, $reason: String) { reviewApplication(applicationId: $id, approve: $approve, reason: $reason) { id status reviewReason } }`;

export async function approve(t: TestApp, admin: TestUser, applicationId: string): Promise<void> {
  await must(t, REVIEW, { id: applicationId, approve: true }, admin.accessToken, 'reviewApplication');
}

export async function setEmployer(t: TestApp, user: TestUser, employer: string): Promise<void> {
  await must(t, `mutation($input: UpdateProfileInput!) { updateMyProfile(input: $input) { id } }`, { input: { employer } }, user.accessToken, 'updateMyProfile');
}

/** A signed-up user with an ACTIVE membership of a free tier (a member in good standing). */
export async function signUpMember(t: TestApp, tierId: string, fullName: string, employer?: string): Promise<TestUser> {
  const user = await signUpUser(t, { fullName });
  const applied = await applyFor(t, user, tierId);
  if (applied.data?.applyForMembership?.status !== 'ACTIVE') throw new Error(`membership failed: ${JSON.stringify(applied.errors)}`);
  if (employer) await setEmployer(t, user, employer);
  return user;
}

export async function freeTier(t: TestApp, admin: TestUser): Promise<string> {
  return createTier(t, admin, { price: { amount: 0, currency: 'USD' }, requiresApproval: false });
}

export const PROPOSE = `mutation($id: ID!) { proposeMatches(cohortId: $id) {
  totalScore pruned notes
  pairs { score locked waivedRules mentor { id user { fullName } } mentee { id user { fullName } } breakdown { criterion weight value points explanation } }
  unmatched { application { id role user { fullName } } reasons } } }`;

export const PAIR_OVERRIDE = (mutation: 'lockPair' | 'unlockPair' | 'excludePair') =>
  `mutation($cohortId: ID!, $mentor: ID!, $mentee: ID!) { ${mutation}(cohortId: $cohortId, mentorApplicationId: $mentor, menteeApplicationId: $mentee) {
    totalScore notes pairs { locked mentor { id } mentee { id } waivedRules } unmatched { application { id } reasons } } }`;

export const PUBLISH = `mutation($id: ID!) { publishMatches(cohortId: $id) { id status mentor { id } mentee { id } } }`;

/** A published cohort: `mentors` × capacity, `mentees` with distinct users, all approved, forbidSameEmployer off. */
export async function publishedCohort(
  t: TestApp,
  admin: TestUser,
  options: { programId?: string; mentors: Array<{ user: TestUser; capacity?: number }>; mentees: TestUser[]; topics?: string[] },
): Promise<{ cohortId: string; pairs: Array<{ id: string; mentor: { id: string }; mentee: { id: string } }> }> {
  const programId = options.programId ?? (await createProgram(t, admin));
  const cohortId = await createCohort(t, admin, programId, { open: true, matchingSettings: { forbidSameEmployer: false, minExperienceGapYears: 0 } });
  for (const mentor of options.mentors) {
    await approve(t, admin, await applyOk(t, mentor.user, cohortId, { role: 'MENTOR', capacity: mentor.capacity ?? 1, topics: options.topics }));
  }
  for (const mentee of options.mentees) await approve(t, admin, await applyOk(t, mentee, cohortId, { role: 'MENTEE', topics: options.topics }));
  await closeCohort(t, admin, cohortId);
  const pairs = await must<Array<{ id: string; mentor: { id: string }; mentee: { id: string } }>>(t, PUBLISH, { id: cohortId }, admin.accessToken, 'publishMatches');
  return { cohortId, pairs };
}
