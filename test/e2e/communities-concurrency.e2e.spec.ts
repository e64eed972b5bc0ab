import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GroupMembershipService, GroupStatus, MeetingSeriesService, type SeriesGroup, StudyGroupUpkeepService } from '../../libs/communities/src/index.js';
import { type AppError, Role, type Viewer } from '../../libs/core/src/index.js';
import { createGroup, goodStandingTier, insertMembersInGoodStanding, JOIN, memberInGoodStanding, UPCOMING } from '../factories/communities.js';
import { createAdminUser, TestUser } from '../factories/users.js';
import { errorCode, type GqlResult, startTestApp, TestApp } from '../utils/test-app.js';

const ROUNDS = 10;

/** Real PostgreSQL, 20 pooled connections, everyone at once: the group row lock is all that stands between them. */
describe('study groups under concurrency (real PostgreSQL)', () => {
  let t: TestApp;
  let admin: TestUser;
  let tierId: string;
  let organiser: TestUser;
  let membership: GroupMembershipService;
  beforeAll(async () => {
    t = await startTestApp({ DB_POOL_SIZE: '20' });
    admin = await createAdminUser(t);
    tierId = await goodStandingTier(t, admin);
    organiser = await memberInGoodStanding(t, tierId, 'Race Organiser');
    membership = t.app.get(GroupMembershipService);
  });
  afterAll(async () => {
    await t?.close();
  });

  const active = async (groupId: string) =>
    (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM study_group_members WHERE group_id = $1 AND status = 'ACTIVE'`, [groupId]))[0].n;
  const reasons = (outcomes: PromiseSettledResult<unknown>[]) =>
    outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => (o.reason as AppError).options?.reason ?? String(o.reason));

  it('over HTTP: 15 members join a group with 3 places at once; exactly 3 get in, the rest hear GROUP_FULL, nothing else fails', async () => {
    const groupId = await createGroup(t, organiser, { capacity: 4 });
    const people = await Promise.all(Array.from({ length: 15 }, (_, i) => memberInGoodStanding(t, tierId, `Racer ${i}`)));
    const results = await Promise.all(people.map((p) => t.gql(JOIN, { groupId }, p.accessToken)));
    expect(results.filter((r) => !r.errors).map((r) => r.data!.joinStudyGroup.status)).toEqual(['ACTIVE', 'ACTIVE', 'ACTIVE']);
    expect(results.filter((r) => r.errors).map((r) => [errorCode(r), r.errors![0].extensions.reason])).toEqual(Array(12).fill(['CONFLICT', 'GROUP_FULL']));
    expect(await active(groupId)).toBe(4);
  });

  it(`${ROUNDS} rounds of 60 people joining at once for 5 places: exactly 5 each time`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const groupId = await createGroup(t, organiser, { capacity: 6, name: `Hot group ${round}` });
      const people = await insertMembersInGoodStanding(t, tierId, 60, `hot${round}`);
      const outcomes = await Promise.allSettled(people.map((p) => membership.join(p, groupId)));
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(5);
      expect(reasons(outcomes)).toEqual(Array(55).fill('GROUP_FULL'));
      expect(await active(groupId)).toBe(6);
    }
  }, 120_000);

  it('one person joining ten times at once is in the group once (the rest: ALREADY_IN_GROUP)', async () => {
    const groupId = await createGroup(t, organiser, { capacity: 10 });
    const [person] = await insertMembersInGoodStanding(t, tierId, 1, 'eager');
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => membership.join(person, groupId)));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(reasons(outcomes)).toEqual(Array(9).fill('ALREADY_IN_GROUP'));
    expect(await t.sql(`SELECT count(*)::int AS n FROM study_group_members WHERE group_id = $1 AND user_id = $2`, [groupId, person.id])).toEqual([{ n: 1 }]);
  });

  it('an organiser approving 20 requests at once for 2 places approves exactly 2', async () => {
    const groupId = await createGroup(t, organiser, { capacity: 3, visibility: 'APPROVAL' });
    const people = await insertMembersInGoodStanding(t, tierId, 20, 'asker');
    for (const p of people) await membership.join(p, groupId);
    const actor: Viewer = { id: organiser.id, role: Role.USER, sessionId: 'test' };
    const outcomes = await Promise.allSettled(people.map((p) => membership.approve({ actor, requestId: 'race' }, groupId, p.id)));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(2);
    expect(reasons(outcomes)).toEqual(Array(18).fill('GROUP_FULL'));
    expect(await active(groupId)).toBe(3);
  });

  it('joins and leaves interleaved never take the group over capacity', async () => {
    const groupId = await createGroup(t, organiser, { capacity: 5 });
    const insiders = await insertMembersInGoodStanding(t, tierId, 4, 'insider');
    for (const p of insiders) await membership.join(p, groupId);
    const newcomers = await insertMembersInGoodStanding(t, tierId, 30, 'newcomer');
    const outcomes = await Promise.allSettled([...insiders.map((p) => membership.leave(p, groupId)), ...newcomers.map((p) => membership.join(p, groupId))]);
    expect(reasons(outcomes).every((r) => r === 'GROUP_FULL')).toBe(true);
    expect(await active(groupId)).toBe(5);
  });

  it('two job runners at once: each role of each due meeting given once, each holder told once', async () => {
    const groupIds = await Promise.all(Array.from({ length: 4 }, () => createGroup(t, organiser, { capacity: 10 })));
    for (const groupId of groupIds) for (const p of await insertMembersInGoodStanding(t, tierId, 4, 'rota')) await membership.join(p, groupId);
    const nexts = await Promise.all(groupIds.map(async (id) => (await t.gql(UPCOMING, { id, count: 1 })).data!.studyGroup.upcomingMeetings[0] as { id: string; startsAt: string }));
    const now = new Date(Math.max(...nexts.map((m) => new Date(m.startsAt).getTime())) - 24 * 3_600_000);
    const upkeep = t.app.get(StudyGroupUpkeepService);
    await Promise.all([upkeep.assignRoles(now), upkeep.assignRoles(now), upkeep.assignRoles(now)]);
    const meetingIds = nexts.map((m) => m.id);
    const roles = await t.sql<{ meeting_id: string; n: number; people: number }>(
      `SELECT meeting_id, count(*)::int AS n, count(DISTINCT user_id)::int AS people FROM meeting_role_assignments WHERE meeting_id = ANY($1) GROUP BY 1`, [meetingIds]);
    expect(roles.map((r) => [r.n, r.people])).toEqual(Array(4).fill([3, 3]));
    const mails = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox_messages WHERE template = 'study-group-meeting-roles' AND (${meetingIds.map((_, i) => `dedupe_key LIKE $${i + 1}`).join(' OR ')}) GROUP BY recipient_user_id, dedupe_key`,
      meetingIds.map((id) => `study-group-roles:${id}:%`),
    );
    expect(mails.map((m) => m.n)).toEqual(Array(12).fill(1));
  });

  it('materialising from many requests and the job at once writes each meeting once', async () => {
    const groupId = await createGroup(t, organiser);
    await t.sql(`DELETE FROM group_meetings WHERE group_id = $1`, [groupId]);
    const upkeep = t.app.get(StudyGroupUpkeepService);
    const results = await Promise.all([
      ...Array.from({ length: 10 }, () => t.gql(UPCOMING, { id: groupId, count: 20 })),
      upkeep.materialise(),
      upkeep.materialise(),
    ]);
    const lists = (results.slice(0, 10) as GqlResult[]).map((r) => (r.data!.studyGroup.upcomingMeetings as Array<{ id: string }>).map((m) => m.id));
    for (const list of lists) expect(list).toEqual(lists[0]);
    expect(await t.sql(`SELECT occurrence_date FROM group_meetings WHERE group_id = $1 GROUP BY 1 HAVING count(*) > 1`, [groupId])).toEqual([]);
  });

  it('a reader holding the old rhythm cannot write its meetings after the rhythm changed (or while it changes)', async () => {
    const groupId = await createGroup(t, organiser, { schedule: { weekday: 'TUESDAY' } });
    await t.sql(`DELETE FROM group_meetings WHERE group_id = $1`, [groupId]);
    const [row] = await t.sql<{ updated_at: Date; starts_on: string }>(`SELECT updated_at, starts_on::text FROM study_groups WHERE id = $1`, [groupId]);
    // What a request that read the group a moment ago holds in memory: the Tuesday rhythm, at that version.
    const stale: SeriesGroup = {
      id: groupId, status: GroupStatus.FORMING, version: row.updated_at,
      series: { cadence: 'WEEKLY', weekday: 2, weekOfMonth: null, localTime: '19:00', timezone: 'Europe/Berlin', durationMinutes: 90, startsOn: row.starts_on, endsOn: null },
    };
    const friday = { cadence: 'WEEKLY', weekday: 'FRIDAY', localTime: '19:00', timezone: 'Europe/Berlin', durationMinutes: 90, startsOn: row.starts_on };
    const series = t.app.get(MeetingSeriesService);
    await Promise.all([
      t.gql(`mutation($id: ID!, $s: MeetingScheduleInput!) { updateStudyGroup(id: $id, input: { schedule: $s }) { id } }`, { id: groupId, s: friday }, organiser.accessToken),
      ...Array.from({ length: 5 }, () => series.upcoming([stale], new Date(), 10)),
    ]);
    await series.upcoming([stale], new Date(), 10);
    const days = await t.sql<{ day: string }>(`SELECT DISTINCT to_char(starts_at AT TIME ZONE 'Europe/Berlin', 'Dy') AS day FROM group_meetings WHERE group_id = $1`, [groupId]);
    expect(days).toEqual([{ day: 'Fri' }]);
  });
});
