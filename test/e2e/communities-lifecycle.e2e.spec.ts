import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { StudyGroupUpkeepService } from '../../libs/communities/src/index.js';
import { backdateMeeting, CREATE_GROUP, createGroup, goodStandingTier, groupInput, JOIN, joinGroup, LEAVE, memberInGoodStanding, UPCOMING } from '../factories/communities.js';
import { createAdminUser, signUpUser, TestUser } from '../factories/users.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

const HOUR = 3_600_000;
const GROUP = `query($id: ID!) { studyGroup(id: $id) { id status memberCount spotsLeft
  members { role status user { id fullName } } meetingRoles { role } rotationBalance { role turns user { id } }
  goals { id title status progress } accountabilityPairs { round members { id } } } }`;
const PENDING = `query($id: ID!) { studyGroup(id: $id) { pendingMembers { status user { id } } } }`;

describe('study groups: creating, joining, meetings, roles, goals, accountability', () => {
  let t: TestApp;
  let admin: TestUser;
  let tierId: string;
  let organiser: TestUser;
  let upkeep: StudyGroupUpkeepService;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdminUser(t);
    tierId = await goodStandingTier(t, admin);
    organiser = await memberInGoodStanding(t, tierId, 'Olga Organiser');
    upkeep = t.app.get(StudyGroupUpkeepService);
  });
  afterAll(async () => {
    await t?.close();
  });

  const mail = async (userId: string, template: string) =>
    (await t.sql(`SELECT subject FROM outbox_messages WHERE recipient_user_id = $1 AND template = $2`, [userId, template])).length;
  const upcoming = async (id: string, count = 6, token?: string) => (await t.gql(UPCOMING, { id, count }, token)).data!.studyGroup.upcomingMeetings as Array<{ id: string; occurrenceDate: string; startsAt: string; status: string; moved: boolean }>;

  describe('creating', () => {
    it('members in good standing and admins create groups; the creator organises it', async () => {
      const created = await t.gql(CREATE_GROUP, { input: groupInput({ name: 'CFA Level I — Tuesday evenings', schedule: { weekday: 'TUESDAY' } }) }, organiser.accessToken);
      expect(created.errors).toBeUndefined();
      expect(created.data!.createStudyGroup).toMatchObject({
        name: 'CFA Level I — Tuesday evenings', status: 'FORMING', capacity: 8,
        schedule: { cadence: 'WEEKLY', weekday: 'TUESDAY', localTime: '19:00', timezone: 'Europe/Berlin', weekOfMonth: null, recurrenceRule: 'FREQ=WEEKLY;BYDAY=TU' },
      });
      const group = await t.gql(GROUP, { id: created.data!.createStudyGroup.id }, organiser.accessToken);
      expect(group.data!.studyGroup.members).toEqual([{ role: 'FACILITATOR', status: 'ACTIVE', user: { id: organiser.id, fullName: 'Olga Organiser' } }]);
      expect(group.data!.studyGroup.meetingRoles.map((r: { role: string }) => r.role)).toEqual(['FACILITATOR', 'NOTE_TAKER', 'TIMEKEEPER']);
      expect((await t.gql(CREATE_GROUP, { input: groupInput() }, admin.accessToken)).errors).toBeUndefined();
    });

    it('refuses people who are not members in good standing, and anonymous callers', async () => {
      const outsider = await signUpUser(t);
      const refused = await t.gql(CREATE_GROUP, { input: groupInput() }, outsider.accessToken);
      expect(errorCode(refused)).toBe('FORBIDDEN');
      expect(refused.errors![0].extensions.reason).toBe('NOT_IN_GOOD_STANDING');
      expect(errorCode(await t.gql(CREATE_GROUP, { input: groupInput() }))).toBe('UNAUTHENTICATED');
      const lapsed = await memberInGoodStanding(t, tierId);
      await t.sql(`UPDATE memberships SET status = 'LAPSED' WHERE user_id = $1`, [lapsed.id]);
      expect(errorCode(await t.gql(CREATE_GROUP, { input: groupInput() }, lapsed.accessToken))).toBe('FORBIDDEN');
    });

    it('refuses joining a group to a member whose grace ran out before the lapse job ran', async () => {
      const organiser = await memberInGoodStanding(t, tierId, 'Grace Organiser');
      const groupId = await createGroup(t, organiser);
      const over = await memberInGoodStanding(t, tierId);
      await t.sql(`UPDATE memberships SET status = 'GRACE', grace_ends_at = now() - interval '1 minute' WHERE user_id = $1`, [over.id]);
      const refused = await t.gql(JOIN, { groupId }, over.accessToken);
      expect(errorCode(refused)).toBe('FORBIDDEN');
      expect(refused.errors![0].extensions.reason).toBe('NOT_IN_GOOD_STANDING');
      await t.sql(`UPDATE memberships SET grace_ends_at = now() + interval '1 day' WHERE user_id = $1`, [over.id]);
      expect((await t.gql(JOIN, { groupId }, over.accessToken)).data!.joinStudyGroup.status).toBe('ACTIVE');
    });

    it.each([
      ['an empty name', { name: '  ' }, 'input.name'],
      ['a capacity of one', { capacity: 1 }, 'input.capacity'],
      ['an unknown time zone', { schedule: { timezone: 'Mars/Olympus_Mons' } }, 'input.schedule.timezone'],
      ['a UTC offset instead of a zone', { schedule: { timezone: '+02:00' } }, 'input.schedule.timezone'],
      ['a time that is not HH:MM', { schedule: { localTime: '7pm' } }, 'input.schedule.localTime'],
      ['the 30th of February', { schedule: { startsOn: '2027-02-30' } }, 'input.schedule.startsOn'],
      ['a five-minute meeting', { schedule: { durationMinutes: 5 } }, 'input.schedule.durationMinutes'],
      ['an end before the start', { schedule: { startsOn: '2027-03-01', endsOn: '2027-02-01' } }, 'input.schedule.endsOn'],
      ['a week of the month on a weekly rhythm', { schedule: { weekOfMonth: 2 } }, 'input.schedule.weekOfMonth'],
      ['a series with no meeting in it', { schedule: { startsOn: '2027-03-03', endsOn: '2027-03-04', weekday: 'MONDAY' } }, 'input.schedule.endsOn'],
    ])('refuses %s as BAD_USER_INPUT naming the field, writing nothing', async (_label, patch, field) => {
      const before = await t.sql(`SELECT (SELECT count(*) FROM study_groups)::int AS g, (SELECT count(*) FROM group_meetings)::int AS m`);
      const result = await t.gql(CREATE_GROUP, { input: groupInput(patch as never) }, organiser.accessToken);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions.fields!.map((f) => f.path)).toContain(field);
      expect(result.status).toBe(200);
      expect(await t.sql(`SELECT (SELECT count(*) FROM study_groups)::int AS g, (SELECT count(*) FROM group_meetings)::int AS m`)).toEqual(before);
    });

    it('MONTHLY groups meet on the nth weekday; the rule says so', async () => {
      const created = await t.gql(CREATE_GROUP, { input: groupInput({ schedule: { cadence: 'MONTHLY', weekday: 'THURSDAY', weekOfMonth: -1, startsOn: '2030-01-01' } }) }, organiser.accessToken);
      expect(created.data!.createStudyGroup.schedule).toMatchObject({ weekOfMonth: -1, recurrenceRule: 'FREQ=MONTHLY;BYDAY=-1TH' });
      const dates = (await upcoming(created.data!.createStudyGroup.id, 3)).map((m) => m.occurrenceDate);
      expect(dates).toEqual(['2030-01-31', '2030-02-28', '2030-03-28']);
    });
  });

  describe('joining and leaving', () => {
    it('OPEN: members join at once until the group is full; then CONFLICT; twice is CONFLICT; leaving frees a place', async () => {
      const groupId = await createGroup(t, organiser, { capacity: 3 });
      const [a, b, c] = await Promise.all([memberInGoodStanding(t, tierId), memberInGoodStanding(t, tierId), memberInGoodStanding(t, tierId)]);
      const joined = await t.gql(JOIN, { groupId }, a.accessToken);
      expect(joined.data!.joinStudyGroup).toMatchObject({ status: 'ACTIVE', role: 'MEMBER', joinedAt: expect.any(String), user: { id: a.id } });
      expect(await mail(a.id, 'study-group-joined')).toBe(1);
      const again = await t.gql(JOIN, { groupId }, a.accessToken);
      expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_IN_GROUP' });
      await joinGroup(t, b, groupId);
      const full = await t.gql(JOIN, { groupId }, c.accessToken);
      expect(full.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'GROUP_FULL' });
      expect((await t.gql(GROUP, { id: groupId }, a.accessToken)).data!.studyGroup).toMatchObject({ memberCount: 3, spotsLeft: 0 });
      expect((await t.gql(LEAVE, { groupId }, b.accessToken)).data!.leaveStudyGroup).toBe(true);
      expect((await t.gql(LEAVE, { groupId }, b.accessToken)).data!.leaveStudyGroup).toBe(false);
      expect((await t.gql(JOIN, { groupId }, c.accessToken)).data!.joinStudyGroup.status).toBe('ACTIVE');
    });

    it('APPROVAL: a request waits; organisers see it and approve (room permitting) or decline; the person is told', async () => {
      const groupId = await createGroup(t, organiser, { visibility: 'APPROVAL', capacity: 2 });
      const [a, b, c] = await Promise.all([memberInGoodStanding(t, tierId), memberInGoodStanding(t, tierId), memberInGoodStanding(t, tierId)]);
      for (const m of [a, b, c]) expect((await t.gql(JOIN, { groupId }, m.accessToken)).data!.joinStudyGroup.status).toBe('PENDING');
      expect(await mail(organiser.id, 'study-group-join-request')).toBeGreaterThanOrEqual(3);
      const view = await t.gql(PENDING, { id: groupId }, organiser.accessToken);
      expect(view.data!.studyGroup.pendingMembers.map((p: { user: { id: string } }) => p.user.id)).toEqual([a.id, b.id, c.id]);
      const approve = `mutation($g: ID!, $u: ID!) { approveGroupMember(groupId: $g, userId: $u) { status user { id } } }`;
      expect((await t.gql(approve, { g: groupId, u: a.id }, organiser.accessToken)).data!.approveGroupMember.status).toBe('ACTIVE');
      const full = await t.gql(approve, { g: groupId, u: b.id }, organiser.accessToken);
      expect(full.errors![0].extensions.reason).toBe('GROUP_FULL');
      const decline = await t.gql(`mutation($g: ID!, $u: ID!) { declineGroupMember(groupId: $g, userId: $u) }`, { g: groupId, u: c.id }, organiser.accessToken);
      expect(decline.data!.declineGroupMember).toBe(true);
      expect(await mail(a.id, 'study-group-approved')).toBe(1);
      expect(await mail(c.id, 'study-group-declined')).toBe(1);
      const unknown = await t.gql(approve, { g: groupId, u: c.id }, organiser.accessToken);
      expect(errorCode(unknown)).toBe('NOT_FOUND');
      // b withdraws their own request.
      expect((await t.gql(LEAVE, { groupId }, b.accessToken)).data!.leaveStudyGroup).toBe(true);
      expect((await t.gql(PENDING, { id: groupId }, organiser.accessToken)).data!.studyGroup.pendingMembers).toEqual([]);
    });

    it('when the last organiser leaves, the longest-standing member takes over', async () => {
      const host = await memberInGoodStanding(t, tierId);
      const groupId = await createGroup(t, host);
      const [first, second] = [await memberInGoodStanding(t, tierId), await memberInGoodStanding(t, tierId)];
      await joinGroup(t, first, groupId);
      await joinGroup(t, second, groupId);
      await t.gql(LEAVE, { groupId }, host.accessToken);
      const members = (await t.gql(GROUP, { id: groupId }, first.accessToken)).data!.studyGroup.members;
      expect(members.map((m: { role: string; user: { id: string } }) => [m.user.id, m.role])).toEqual([[first.id, 'FACILITATOR'], [second.id, 'MEMBER']]);
      expect(await mail(first.id, 'study-group-organiser')).toBe(1);
    });
  });

  describe('meetings', () => {
    it('become rows when first needed, once; the job keeps twelve weeks ahead, idempotently', async () => {
      const groupId = await createGroup(t, organiser, { schedule: { weekday: 'WEDNESDAY' } });
      const count = async () => (await t.sql(`SELECT count(*)::int AS n FROM group_meetings WHERE group_id = $1`, [groupId]))[0].n;
      expect(await count()).toBeGreaterThanOrEqual(12); // written with the group
      const first = await upcoming(groupId, 20);
      expect(first).toHaveLength(20);
      expect(await upcoming(groupId, 20)).toEqual(first);
      const afterRead = await count();
      await Promise.all([upkeep.materialise(), upkeep.materialise()]);
      expect(await count()).toBe(afterRead);
      await upkeep.materialise(new Date(Date.now() + 30 * 7 * 24 * HOUR));
      expect(await count()).toBeGreaterThan(afterRead);
      expect(await t.sql(`SELECT occurrence_date, count(*) FROM group_meetings WHERE group_id = $1 GROUP BY 1 HAVING count(*) > 1`, [groupId])).toEqual([]);
    });

    it('one meeting moves or is cancelled without touching the series; members are told', async () => {
      const groupId = await createGroup(t, organiser);
      const member = await memberInGoodStanding(t, tierId);
      await joinGroup(t, member, groupId);
      const [m1, m2, m3, m4] = await upcoming(groupId, 4);
      const cancelled = await t.gql(`mutation($id: ID!) { cancelMeeting(meetingId: $id) { id status } }`, { id: m2.id }, organiser.accessToken);
      expect(cancelled.data!.cancelMeeting.status).toBe('CANCELLED');
      const newStart = new Date(new Date(m3.startsAt).getTime() + 24 * HOUR - 30 * 60_000).toISOString();
      const moved = await t.gql(`mutation($id: ID!, $at: DateTime!) { moveMeeting(meetingId: $id, startsAt: $at) { startsAt endsAt moved occurrenceDate } }`, { id: m3.id, at: newStart }, organiser.accessToken);
      expect(moved.data!.moveMeeting).toMatchObject({ startsAt: newStart, moved: true, occurrenceDate: m3.occurrenceDate });
      expect(new Date(moved.data!.moveMeeting.endsAt).getTime() - new Date(newStart).getTime()).toBe(90 * 60_000);
      const after = await upcoming(groupId, 4);
      expect(after.map((m) => m.id)).toEqual([m1.id, m3.id, m4.id, expect.any(String)]);
      expect(after[1]).toMatchObject({ startsAt: newStart, moved: true });
      expect(await mail(member.id, 'study-group-meeting-cancelled')).toBe(1);
      expect(await mail(member.id, 'study-group-meeting-moved')).toBe(1);
      // Cancelling again is harmless; moving a cancelled meeting is not allowed; the past cannot be the target.
      expect((await t.gql(`mutation($id: ID!) { cancelMeeting(meetingId: $id) { status } }`, { id: m2.id }, organiser.accessToken)).data!.cancelMeeting.status).toBe('CANCELLED');
      const movingCancelled = await t.gql(`mutation($id: ID!, $at: DateTime!) { moveMeeting(meetingId: $id, startsAt: $at) { id } }`, { id: m2.id, at: newStart }, organiser.accessToken);
      expect(movingCancelled.errors![0].extensions.reason).toBe('MEETING_CANCELLED');
      const intoPast = await t.gql(`mutation($id: ID!, $at: DateTime!) { moveMeeting(meetingId: $id, startsAt: $at) { id } }`, { id: m4.id, at: '2020-01-01T10:00:00Z' }, organiser.accessToken);
      expect(intoPast.errors![0].extensions.fields![0].path).toBe('startsAt');
    });

    it('upcomingMeetings counts are checked: 1 to 20', async () => {
      const groupId = await createGroup(t, organiser);
      const tooMany = await t.gql(UPCOMING, { id: groupId, count: 500 });
      expect(errorCode(tooMany)).toBe('BAD_USER_INPUT');
      expect(tooMany.errors![0].extensions.fields![0].path).toBe('count');
    });
  });

  describe('roles', () => {
    it('the job gives out roles ahead of each meeting, one per person, and announces them once', async () => {
      const groupId = await createGroup(t, organiser);
      const people = [await memberInGoodStanding(t, tierId), await memberInGoodStanding(t, tierId), await memberInGoodStanding(t, tierId)];
      for (const p of people) await joinGroup(t, p, groupId);
      const [next, later] = await upcoming(groupId, 2);
      const dayBefore = new Date(new Date(next.startsAt).getTime() - 24 * HOUR);
      await Promise.all([upkeep.assignRoles(dayBefore), upkeep.assignRoles(dayBefore)]);
      const rows = await t.sql<{ role: string; user_id: string }>(`SELECT role, user_id FROM meeting_role_assignments WHERE meeting_id = $1 ORDER BY role`, [next.id]);
      expect(rows.map((r) => r.role)).toEqual(['FACILITATOR', 'NOTE_TAKER', 'TIMEKEEPER']);
      expect(new Set(rows.map((r) => r.user_id)).size).toBe(3);
      // The meeting after is still more than three days away: nothing yet.
      expect(await t.sql(`SELECT 1 FROM meeting_role_assignments WHERE meeting_id = $1`, [later.id])).toEqual([]);
      await upkeep.assignRoles(dayBefore);
      const announced = await t.sql<{ recipient_user_id: string; n: number }>(
        `SELECT recipient_user_id, count(*)::int AS n FROM outbox_messages WHERE template = 'study-group-meeting-roles' AND dedupe_key LIKE $1 GROUP BY 1`,
        [`study-group-roles:${next.id}:%`],
      );
      expect(announced.map((a) => a.n)).toEqual([1, 1, 1]);
      expect(announced.map((a) => a.recipient_user_id).sort()).toEqual(rows.map((r) => r.user_id).sort());
    });

    it('rotates fairly over meetings; swaps trade and count for whoever holds the role; an absent holder keeps the turn', async () => {
      const groupId = await createGroup(t, organiser);
      const people = [await memberInGoodStanding(t, tierId), await memberInGoodStanding(t, tierId), await memberInGoodStanding(t, tierId)];
      for (const p of people) await joinGroup(t, p, groupId);
      const set = await t.gql(`mutation($g: ID!, $roles: [MeetingRoleInput!]!) { setMeetingRoles(groupId: $g, roles: $roles) { id meetingRoles { role description } } }`,
        { g: groupId, roles: [{ role: 'FACILITATOR' }, { role: 'NOTE_TAKER', description: 'Writes the shared notes' }] }, organiser.accessToken);
      expect(set.data!.setMeetingRoles.meetingRoles).toEqual([{ role: 'FACILITATOR', description: null }, { role: 'NOTE_TAKER', description: 'Writes the shared notes' }]);
      const dupes = await t.gql(`mutation($g: ID!, $roles: [MeetingRoleInput!]!) { setMeetingRoles(groupId: $g, roles: $roles) { id } }`, { g: groupId, roles: [{ role: 'NOTE_TAKER' }, { role: 'NOTE_TAKER' }] }, organiser.accessToken);
      expect(dupes.errors![0].extensions.fields![0].path).toBe('roles.1.role');
      const badKey = await t.gql(`mutation($g: ID!, $roles: [MeetingRoleInput!]!) { setMeetingRoles(groupId: $g, roles: $roles) { id } }`, { g: groupId, roles: [{ role: 'note taker' }] }, organiser.accessToken);
      expect(badKey.errors![0].extensions.fields![0].path).toBe('roles.0.role');

      const meetings = await upcoming(groupId, 9);
      const ASSIGN = `mutation($id: ID!) { assignMeetingRoles(meetingId: $id) { id roles { role swapped user { id } } } }`;
      const holders: Array<Record<string, string>> = [];
      for (const m of meetings.slice(0, 8)) {
        const assigned = await t.gql(ASSIGN, { id: m.id }, organiser.accessToken);
        const roles = assigned.data!.assignMeetingRoles.roles as Array<{ role: string; user: { id: string } }>;
        expect(roles.map((r) => r.role)).toEqual(['FACILITATOR', 'NOTE_TAKER']);
        expect(new Set(roles.map((r) => r.user.id)).size).toBe(2);
        holders.push(Object.fromEntries(roles.map((r) => [r.role, r.user.id])));
      }
      // 4 people, 8 meetings, 2 roles: each person held each role exactly twice.
      type Turns = Array<{ role: string; turns: number; user: { id: string } }>;
      const balance = async () => (await t.gql(GROUP, { id: groupId }, people[0].accessToken)).data!.studyGroup.rotationBalance as Turns;
      const turns = (b: Turns, user: string, role: string) => b.find((x) => x.user.id === user && x.role === role)!.turns;
      expect((await balance()).map((b) => b.turns)).toEqual(Array(8).fill(2));

      // The first meeting happens without its facilitator: that turn is not counted, and comes back to them next.
      const away = holders[0].FACILITATOR;
      await backdateMeeting(t, meetings[0].id);
      const present = [organiser.id, ...people.map((p) => p.id)].filter((id) => id !== away);
      const recorded = await t.gql(`mutation($id: ID!, $ids: [ID!]!) { recordAttendance(meetingId: $id, userIds: $ids) { attendance { present user { id } } } }`, { id: meetings[0].id, ids: present }, organiser.accessToken);
      expect(recorded.data!.recordAttendance.attendance.filter((a: { present: boolean }) => !a.present)).toEqual([{ present: false, user: { id: away } }]);
      expect(turns(await balance(), away, 'FACILITATOR')).toBe(1);
      const stranger = await t.gql(`mutation($id: ID!, $ids: [ID!]!) { recordAttendance(meetingId: $id, userIds: $ids) { id } }`, { id: meetings[0].id, ids: [admin.id] }, organiser.accessToken);
      expect(stranger.errors![0].extensions.fields![0].path).toBe('userIds.0');
      const ninth = (await t.gql(ASSIGN, { id: meetings[8].id }, organiser.accessToken)).data!.assignMeetingRoles.roles as Array<{ role: string; user: { id: string } }>;
      expect(ninth.find((r) => r.role === 'FACILITATOR')!.user.id).toBe(away);

      // A swap: the ninth meeting's note-taker hands over to the facilitator, so the two trade.
      const noteTaker = ninth.find((r) => r.role === 'NOTE_TAKER')!.user.id;
      const SWAP = `mutation($id: ID!, $role: String!, $u: ID!) { swapMeetingRole(meetingId: $id, role: $role, userId: $u) { roles { role swapped user { id } } } }`;
      const swapped = await t.gql(SWAP, { id: meetings[8].id, role: 'NOTE_TAKER', u: away }, organiser.accessToken);
      expect(swapped.data!.swapMeetingRole.roles).toEqual([
        { role: 'FACILITATOR', swapped: true, user: { id: noteTaker } },
        { role: 'NOTE_TAKER', swapped: true, user: { id: away } },
      ]);
      expect(await mail(noteTaker, 'study-group-meeting-roles')).toBeGreaterThanOrEqual(1);
      const notMember = await t.gql(SWAP, { id: meetings[8].id, role: 'NOTE_TAKER', u: admin.id }, organiser.accessToken);
      expect(notMember.errors![0].extensions.fields![0].path).toBe('userId');
      const noSuchRole = await t.gql(SWAP, { id: meetings[8].id, role: 'TIMEKEEPER', u: people[0].id }, organiser.accessToken);
      expect(noSuchRole.errors![0].extensions.fields![0].path).toBe('role');
      // Honest counts: every turn as held, absences left out, the swap counted for whoever holds the role.
      const held = await t.sql<{ user_id: string; role: string; n: number }>(
        `SELECT a.user_id, a.role, count(*) FILTER (WHERE coalesce(att.present, true))::int AS n FROM meeting_role_assignments a
           LEFT JOIN meeting_attendance att ON att.meeting_id = a.meeting_id AND att.user_id = a.user_id
          WHERE a.group_id = $1 GROUP BY 1, 2`, [groupId]);
      const now = await balance();
      for (const row of held) expect(turns(now, row.user_id, row.role)).toBe(row.n);
      expect(turns(now, away, 'NOTE_TAKER')).toBe(3);
      expect(turns(now, noteTaker, 'FACILITATOR')).toBe(3);
    });
  });

  describe('inside the group', () => {
    let groupId: string;
    let members: TestUser[];
    let past: { id: string };
    let future: { id: string };
    beforeAll(async () => {
      groupId = await createGroup(t, organiser, { name: 'Inside' });
      members = [await memberInGoodStanding(t, tierId), await memberInGoodStanding(t, tierId), await memberInGoodStanding(t, tierId)];
      for (const m of members) await joinGroup(t, m, groupId);
      [past, future] = await upcoming(groupId, 2);
      await backdateMeeting(t, past.id);
    });

    it('members keep shared notes and their own check-ins (one each, replaced when logged again)', async () => {
      const NOTES = `mutation($id: ID!, $notes: String!) { saveMeetingNotes(meetingId: $id, notes: $notes) { notes } }`;
      expect((await t.gql(NOTES, { id: past.id, notes: 'Chapter 3: ethics.' }, members[0].accessToken)).data!.saveMeetingNotes.notes).toBe('Chapter 3: ethics.');
      const CHECK_IN = `mutation($id: ID!, $input: AccountabilityCheckInInput!) { logAccountabilityCheckIn(meetingId: $id, input: $input) { done next blockers user { id } } }`;
      await t.gql(CHECK_IN, { id: past.id, input: { done: 'Read ch. 2', next: 'Ch. 3' } }, members[0].accessToken);
      const again = await t.gql(CHECK_IN, { id: past.id, input: { done: 'Read ch. 2 and 3', next: 'Ch. 4', blockers: 'Time' } }, members[0].accessToken);
      expect(again.data!.logAccountabilityCheckIn).toEqual({ done: 'Read ch. 2 and 3', next: 'Ch. 4', blockers: 'Time', user: { id: members[0].id } });
      const empty = await t.gql(CHECK_IN, { id: past.id, input: { done: ' ', next: 'x' } }, members[1].accessToken);
      expect(empty.errors![0].extensions.fields![0].path).toBe('input.done');
      const read = await t.gql(`query($id: ID!) { studyGroup(id: $id) { meetings(first: 1) { edges { node { id notes checkIns { done user { id } } } } } } }`, { id: groupId }, members[1].accessToken);
      expect(read.data!.studyGroup.meetings.edges[0].node).toEqual({ id: past.id, notes: 'Chapter 3: ethics.', checkIns: [{ done: 'Read ch. 2 and 3', user: { id: members[0].id } }] });
    });

    it('goals: members add and update them; progress 0..100; ACHIEVED means 100', async () => {
      const ADD = `mutation($g: ID!, $input: GroupGoalInput!) { addGroupGoal(groupId: $g, input: $input) { id title status progress targetDate } }`;
      const added = await t.gql(ADD, { g: groupId, input: { title: 'Pass the mock exam', targetDate: '2027-05-01' } }, members[1].accessToken);
      expect(added.data!.addGroupGoal).toMatchObject({ title: 'Pass the mock exam', status: 'OPEN', progress: 0, targetDate: '2027-05-01' });
      const goalId = added.data!.addGroupGoal.id;
      const UPDATE = `mutation($id: ID!, $input: UpdateGroupGoalInput!) { updateGroupGoal(goalId: $id, input: $input) { status progress } }`;
      expect((await t.gql(UPDATE, { id: goalId, input: { progress: 40 } }, members[2].accessToken)).data!.updateGroupGoal).toEqual({ status: 'OPEN', progress: 40 });
      const tooMuch = await t.gql(UPDATE, { id: goalId, input: { progress: 101 } }, members[2].accessToken);
      expect(tooMuch.errors![0].extensions.fields![0].path).toBe('input.progress');
      const badDate = await t.gql(ADD, { g: groupId, input: { title: 'x', targetDate: 'soon' } }, members[1].accessToken);
      expect(badDate.errors![0].extensions.fields![0].path).toBe('input.targetDate');
      expect((await t.gql(UPDATE, { id: goalId, input: { status: 'ACHIEVED' } }, members[2].accessToken)).data!.updateGroupGoal).toEqual({ status: 'ACHIEVED', progress: 100 });
      const contradiction = await t.gql(UPDATE, { id: goalId, input: { status: 'ACHIEVED', progress: 50 } }, members[2].accessToken);
      expect(contradiction.errors![0].extensions.fields![0].path).toBe('input.progress');
    });

    it('feedback opens when the meeting starts: 1 to 5, the latest counts', async () => {
      const FEEDBACK = `mutation($id: ID!, $r: Int!, $c: String) { submitMeetingFeedback(meetingId: $id, rating: $r, comment: $c) }`;
      expect((await t.gql(FEEDBACK, { id: future.id, r: 5 }, members[0].accessToken)).errors![0].extensions.reason).toBe('MEETING_NOT_STARTED');
      expect((await t.gql(FEEDBACK, { id: past.id, r: 6 }, members[0].accessToken)).errors![0].extensions.fields![0].path).toBe('rating');
      expect((await t.gql(FEEDBACK, { id: past.id, r: 2, c: 'Too fast' }, members[0].accessToken)).data!.submitMeetingFeedback).toBe(true);
      expect((await t.gql(FEEDBACK, { id: past.id, r: 4 }, members[0].accessToken)).data!.submitMeetingFeedback).toBe(true);
      expect(await t.sql(`SELECT rating, comment FROM meeting_feedback WHERE meeting_id = $1`, [past.id])).toEqual([{ rating: 4, comment: null }]);
    });

    it('accountability partners: everyone paired (a trio when odd), no repeat in the next round, each told', async () => {
      const PAIR = `mutation($g: ID!) { pairAccountabilityPartners(groupId: $g) { round members { id } } }`;
      const first = (await t.gql(PAIR, { g: groupId }, organiser.accessToken)).data!.pairAccountabilityPartners as Array<{ round: number; members: Array<{ id: string }> }>;
      const ids = (round: typeof first) => round.map((p) => p.members.map((m) => m.id).sort());
      expect(first.every((p) => p.round === 1 && p.members.length === 2)).toBe(true);
      expect(ids(first).flat().sort()).toEqual([organiser.id, ...members.map((m) => m.id)].sort());
      const second = (await t.gql(PAIR, { g: groupId }, organiser.accessToken)).data!.pairAccountabilityPartners as typeof first;
      const earlier = new Set(ids(first).map((p) => p.join()));
      expect(ids(second).some((p) => earlier.has(p.join()))).toBe(false);
      const shown = await t.gql(GROUP, { id: groupId }, members[0].accessToken);
      expect(shown.data!.studyGroup.accountabilityPairs.map((p: { round: number }) => p.round)).toEqual([2, 2]);
      expect(await mail(members[0].id, 'study-group-partners')).toBe(2);
    });

    it('the admin report sums it up', async () => {
      await backdateMeeting(t, past.id);
      await t.gql(`mutation($id: ID!, $ids: [ID!]!) { recordAttendance(meetingId: $id, userIds: $ids) { id } }`, { id: past.id, ids: [organiser.id, members[0].id, members[1].id] }, organiser.accessToken);
      const report = await t.gql(`{ communityReport { activeGroups formingGroups archivedGroups activeMemberships peopleInGroups meetingsHeld attendanceRate goals goalsAchieved averageGoalProgress averageFeedback feedbackCount } }`, {}, admin.accessToken);
      expect(report.errors).toBeUndefined();
      const r = report.data!.communityReport;
      expect(r.formingGroups).toBeGreaterThan(0);
      expect(r.meetingsHeld).toBeGreaterThanOrEqual(1);
      expect(r.attendanceRate).toBeGreaterThan(0);
      expect(r.attendanceRate).toBeLessThanOrEqual(1);
      expect(r.goalsAchieved).toBeGreaterThanOrEqual(1);
      expect(r.averageFeedback).toBeGreaterThanOrEqual(1);
      expect(r.feedbackCount).toBeGreaterThanOrEqual(1);
      expect(r.peopleInGroups).toBeLessThanOrEqual(r.activeMemberships);
    });
  });

  describe('status', () => {
    it('FORMING → ACTIVE → ARCHIVED; archiving ends the series, joins and changes; admins\' changes are audited', async () => {
      const groupId = await createGroup(t, organiser);
      const UPDATE = `mutation($id: ID!, $input: UpdateStudyGroupInput!) { updateStudyGroup(id: $id, input: $input) { status archivedAt capacity } }`;
      expect((await t.gql(UPDATE, { id: groupId, input: { status: 'ACTIVE' } }, organiser.accessToken)).data!.updateStudyGroup.status).toBe('ACTIVE');
      const back = await t.gql(UPDATE, { id: groupId, input: { status: 'FORMING' } }, organiser.accessToken);
      expect(back.errors![0].extensions.fields![0].path).toBe('input.status');
      await joinGroup(t, await memberInGoodStanding(t, tierId), groupId);
      // Down to exactly the active members is fine.
      expect((await t.gql(UPDATE, { id: groupId, input: { capacity: 2 } }, organiser.accessToken)).data!.updateStudyGroup.capacity).toBe(2);
      expect((await t.gql(UPDATE, { id: groupId, input: { status: 'ARCHIVED' } }, admin.accessToken)).data!.updateStudyGroup.archivedAt).toEqual(expect.any(String));
      expect(await upcoming(groupId, 4)).toEqual([]);
      expect((await t.gql(JOIN, { groupId }, (await memberInGoodStanding(t, tierId)).accessToken)).errors![0].extensions.reason).toBe('GROUP_ARCHIVED');
      expect((await t.gql(UPDATE, { id: groupId, input: { name: 'Again' } }, organiser.accessToken)).errors![0].extensions.reason).toBe('GROUP_ARCHIVED');
      expect(await t.sql(`SELECT action FROM audit_log WHERE target_id = $1`, [groupId])).toEqual([{ action: 'study-group.update' }]);
      expect(await t.sql(`SELECT 1 FROM group_meetings WHERE group_id = $1 AND starts_at > now()`, [groupId])).toEqual([]);
    });

    it('capacity cannot go below the active members', async () => {
      const groupId = await createGroup(t, organiser, { capacity: 5 });
      for (let i = 0; i < 2; i++) await joinGroup(t, await memberInGoodStanding(t, tierId), groupId);
      const result = await t.gql(`mutation($id: ID!) { updateStudyGroup(id: $id, input: { capacity: 2 }) { capacity } }`, { id: groupId }, organiser.accessToken);
      expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CAPACITY_BELOW_MEMBERS' });
      expect(result.errors![0].extensions.fields![0].path).toBe('input.capacity');
    });

    it('a new rhythm replaces the meetings that have not started', async () => {
      const groupId = await createGroup(t, organiser);
      const before = await upcoming(groupId, 3);
      const changed = await t.gql(`mutation($id: ID!, $input: UpdateStudyGroupInput!) { updateStudyGroup(id: $id, input: $input) { schedule { weekday cadence recurrenceRule } } }`,
        { id: groupId, input: { schedule: { ...(groupInput().schedule as object), weekday: 'FRIDAY', cadence: 'BIWEEKLY', localTime: '08:30' } } }, organiser.accessToken);
      expect(changed.data!.updateStudyGroup.schedule).toEqual({ weekday: 'FRIDAY', cadence: 'BIWEEKLY', recurrenceRule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR' });
      const after = await upcoming(groupId, 3);
      expect(after.map((m) => m.id).some((id) => before.some((b) => b.id === id))).toBe(false);
      for (const m of after) expect(new Date(m.startsAt).toLocaleString('en-GB', { timeZone: 'Europe/Berlin', weekday: 'long', hour: '2-digit', minute: '2-digit' })).toBe('Friday 08:30');
      expect(new Date(after[1].startsAt).getTime() - new Date(after[0].startsAt).getTime()).toBeGreaterThanOrEqual(14 * 24 * HOUR - HOUR);
    });
  });
});
