import { randomBytes } from 'node:crypto';
import { Role, type Viewer } from '../../libs/core/src/index.js';
import { TestApp } from '../utils/test-app.js';
import { applyFor, createTier } from './tiers.js';
import { signUpUser, TestUser } from './users.js';

export interface ScheduleOverrides {
  cadence?: 'WEEKLY' | 'BIWEEKLY' | 'MONTHLY';
  weekday?: string;
  weekOfMonth?: number | null;
  localTime?: string;
  timezone?: string;
  durationMinutes?: number;
  startsOn?: string;
  endsOn?: string | null;
}

export interface GroupOverrides {
  name?: string;
  topic?: string;
  description?: string | null;
  visibility?: 'OPEN' | 'APPROVAL';
  capacity?: number | null;
  schedule?: ScheduleOverrides;
}

let sequence = 0;
/** Two days ahead: no meeting of a new group is ever under way while a test runs. */
const soon = () => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

export function groupInput(overrides: GroupOverrides = {}): Record<string, unknown> {
  return {
    name: overrides.name ?? `Study group ${++sequence} ${randomBytes(2).toString('hex')}`,
    topic: overrides.topic ?? 'CFA Level I',
    description: overrides.description ?? 'We meet to work through the curriculum together.',
    visibility: overrides.visibility ?? 'OPEN',
    capacity: overrides.capacity === undefined ? 8 : overrides.capacity,
    schedule: {
      cadence: 'WEEKLY',
      weekday: 'TUESDAY',
      localTime: '19:00',
      timezone: 'Europe/Berlin',
      durationMinutes: 90,
      startsOn: soon(),
      endsOn: null,
      ...overrides.schedule,
    },
  };
}

export const CREATE_GROUP = `mutation($input: CreateStudyGroupInput!) { createStudyGroup(input: $input) { id name status capacity schedule { cadence weekday localTime timezone startsOn endsOn weekOfMonth recurrenceRule } } }`;
export const JOIN = `mutation($groupId: ID!) { joinStudyGroup(groupId: $groupId) { status role joinedAt user { id } } }`;
export const LEAVE = `mutation($groupId: ID!) { leaveStudyGroup(groupId: $groupId) }`;
export const UPCOMING = `query($id: ID!, $count: Int) { studyGroup(id: $id) { id upcomingMeetings(count: $count) { id occurrenceDate startsAt endsAt status moved } } }`;

/** A free, no-approval tier: applying makes a member ACTIVE (in good standing) at once. */
export async function goodStandingTier(t: TestApp, admin: TestUser): Promise<string> {
  return createTier(t, admin, { price: { amount: 0, currency: 'USD' }, requiresApproval: false });
}

/** A member in good standing, signed up and applied through the API. */
export async function memberInGoodStanding(t: TestApp, tierId: string, fullName = 'Study Member'): Promise<TestUser> {
  const member = await signUpUser(t, { fullName });
  const applied = await applyFor(t, member, tierId);
  if (applied.data?.applyForMembership?.status !== 'ACTIVE') throw new Error(`membership not active: ${JSON.stringify(applied)}`);
  return member;
}

export async function createGroup(t: TestApp, organiser: TestUser, overrides: GroupOverrides = {}): Promise<string> {
  const result = await t.gql(CREATE_GROUP, { input: groupInput(overrides) }, organiser.accessToken);
  if (!result.data?.createStudyGroup) throw new Error(`createStudyGroup failed: ${JSON.stringify(result.errors)}`);
  return result.data.createStudyGroup.id;
}

export async function joinGroup(t: TestApp, member: TestUser, groupId: string): Promise<void> {
  const result = await t.gql(JOIN, { groupId }, member.accessToken);
  if (!result.data?.joinStudyGroup) throw new Error(`joinStudyGroup failed: ${JSON.stringify(result.errors)}`);
}

/** Many people straight into the database, each with an ACTIVE membership (for load and race tests). */
export async function insertMembersInGoodStanding(t: TestApp, tierId: string, count: number, prefix = 'racer'): Promise<Viewer[]> {
  const tag = randomBytes(4).toString('hex');
  const rows = await t.sql<{ id: string }>(
    `INSERT INTO users (email, password_hash, full_name)
     SELECT $1 || '.' || $2 || '.' || g || '@example.org', '!', 'Racer ' || g FROM generate_series(1, $3::int) g
     RETURNING id`,
    [prefix, tag, count],
  );
  await t.sql(
    `INSERT INTO memberships (user_id, tier_id, status, started_at, current_period_end)
     SELECT id, $2, 'ACTIVE', now(), now() + interval '1 year' FROM unnest($1::uuid[]) AS id`,
    [rows.map((r) => r.id), tierId],
  );
  return rows.map((r) => ({ id: r.id, role: Role.USER, sessionId: 'test' }));
}

/**
 * Puts a meeting's start in the past (to take attendance or feedback on it), and the group's history
 * with it: its members joined, and its roles were set up, a day before that meeting.
 */
export async function backdateMeeting(t: TestApp, meetingId: string, minutesAgo = 30): Promise<void> {
  await t.sql(
    `UPDATE group_meetings SET starts_at = now() - make_interval(mins => $2), ends_at = now() - make_interval(mins => $2) + interval '90 minutes' WHERE id = $1`,
    [meetingId, minutesAgo],
  );
  const [meeting] = await t.sql<{ group_id: string }>(`SELECT group_id FROM group_meetings WHERE id = $1`, [meetingId]);
  const before = `now() - make_interval(mins => $2) - interval '1 day'`;
  await t.sql(`UPDATE study_group_members SET joined_at = least(joined_at, ${before}), requested_at = least(requested_at, ${before}) WHERE group_id = $1 AND status = 'ACTIVE'`, [meeting.group_id, minutesAgo]);
  await t.sql(`UPDATE study_group_roles SET added_at = least(added_at, ${before}) WHERE group_id = $1`, [meeting.group_id, minutesAgo]);
}
