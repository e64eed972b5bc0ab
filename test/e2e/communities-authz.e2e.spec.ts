import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backdateMeeting, createGroup, goodStandingTier, groupInput, joinGroup, memberInGoodStanding, UPCOMING } from '../factories/communities.js';
import { createAdminUser, TestUser } from '../factories/users.js';
import { GqlResult, startTestApp, TestApp } from '../utils/test-app.js';

type Actor = 'anonymous' | 'member' | 'organiser' | 'other' | 'admin';
type Outcome = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN' | string;
const ACTORS: Actor[] = ['anonymous', 'member', 'organiser', 'other', 'admin'];

const PUBLIC = { anonymous: 'OK', member: 'OK', organiser: 'OK', other: 'OK', admin: 'OK' };
const SIGNED_IN = { anonymous: 'UNAUTHENTICATED', member: 'OK', organiser: 'OK', other: 'OK', admin: 'OK' };
const GROUP_MEMBERS = { anonymous: 'UNAUTHENTICATED', member: 'OK', organiser: 'OK', other: 'FORBIDDEN', admin: 'OK' };
const MEMBERS_THEMSELVES = { anonymous: 'UNAUTHENTICATED', member: 'OK', organiser: 'OK', other: 'FORBIDDEN', admin: 'FORBIDDEN' };
const ORGANISERS = { anonymous: 'UNAUTHENTICATED', member: 'FORBIDDEN', organiser: 'OK', other: 'FORBIDDEN', admin: 'OK' };
const ADMINS = { anonymous: 'UNAUTHENTICATED', member: 'FORBIDDEN', organiser: 'FORBIDDEN', other: 'FORBIDDEN', admin: 'OK' };

/**
 * Every query, field and mutation of the feature against every kind of caller: anonymous, a member
 * of the group, its organiser, a member of the association who is not in the group, and an admin.
 */
describe('study groups: authorization matrix', () => {
  let t: TestApp;
  let tierId: string;
  const who = {} as Record<Exclude<Actor, 'anonymous'>, TestUser>;
  let group: string;
  let approvalGroup: string;
  let past: string;
  let future: string[];
  let goalId: string;

  beforeAll(async () => {
    t = await startTestApp();
    who.admin = await createAdminUser(t);
    tierId = await goodStandingTier(t, who.admin);
    who.organiser = await memberInGoodStanding(t, tierId, 'Orla Organiser');
    who.member = await memberInGoodStanding(t, tierId, 'Mina Member');
    who.other = await memberInGoodStanding(t, tierId, 'Otto Outsider');
    group = await createGroup(t, who.organiser, { capacity: 50 });
    await joinGroup(t, who.member, group);
    approvalGroup = await createGroup(t, who.organiser, { visibility: 'APPROVAL', capacity: 50 });
    const meetings = (await t.gql(UPCOMING, { id: group, count: 6 })).data!.studyGroup.upcomingMeetings as Array<{ id: string }>;
    past = meetings[0].id;
    future = meetings.slice(1).map((m) => m.id);
    await backdateMeeting(t, past);
    await t.gql(`mutation($id: ID!) { assignMeetingRoles(meetingId: $id) { id } }`, { id: future[0] }, who.organiser.accessToken);
    await t.gql(`mutation($id: ID!) { assignMeetingRoles(meetingId: $id) { id } }`, { id: future[4] }, who.organiser.accessToken);
    goalId = (await t.gql(`mutation($g: ID!) { addGroupGoal(groupId: $g, input: { title: "Finish book one" }) { id } }`, { g: group }, who.member.accessToken)).data!.addGroupGoal.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const outcome = (result: GqlResult): Outcome => (result.errors?.length ? String(result.errors[0].extensions.code) : result.data ? 'OK' : 'NO DATA');
  const pending = async (groupId: string) => {
    const person = await memberInGoodStanding(t, tierId);
    await joinGroup(t, person, groupId);
    return person.id;
  };

  /** A role the person holds at the meeting (the offer rows act on future[4], which nothing else changes). */
  const roleOf = async (meetingId: string, person: TestUser): Promise<string> => {
    const rows = await t.sql<{ role: string }>(`SELECT role FROM meeting_role_assignments WHERE meeting_id = $1 AND user_id = $2 ORDER BY role LIMIT 1`, [meetingId, person.id]);
    return rows[0]?.role ?? 'TIMEKEEPER';
  };
  const partnerOf = (actor: Actor): TestUser => (actor === 'organiser' ? who.member : who.organiser);
  /** For the answer row: the group's other member offers `actor` a role, so there is an offer to answer. */
  const offerTo = async (actor: Actor): Promise<string> => {
    if (actor !== 'member' && actor !== 'organiser') return 'FACILITATOR';
    const from = partnerOf(actor);
    const role = await roleOf(future[4], from);
    const offered = await t.gql(`mutation($id: ID!, $r: String!, $u: ID!) { offerMeetingRole(meetingId: $id, role: $r, userId: $u) { id } }`, { id: future[4], r: role, u: who[actor].id }, from.accessToken);
    if (offered.errors) throw new Error(JSON.stringify(offered.errors));
    return role;
  };

  interface Row {
    name: string;
    query: string;
    vars: (actor: Actor) => Promise<Record<string, unknown>> | Record<string, unknown>;
    expected: Record<Actor, Outcome>;
  }

  const rows = (): Row[] => [
    { name: 'studyGroups (catalogue)', query: `{ studyGroups(first: 5) { totalCount edges { node { name topic memberCount spotsLeft } } } }`, vars: () => ({}), expected: PUBLIC },
    {
      name: 'studyGroup: name, schedule, counts, roles, upcoming times',
      query: `query($id: ID!) { studyGroup(id: $id) { name schedule { localTime timezone } memberCount spotsLeft meetingRoles { role } viewerMembership { status } upcomingMeetings(count: 2) { startsAt endsAt } meetings(first: 2) { edges { node { startsAt } } } } }`,
      vars: () => ({ id: group }), expected: PUBLIC,
    },
    { name: 'myStudyGroups', query: `{ myStudyGroups { id } }`, vars: () => ({}), expected: SIGNED_IN },
    { name: 'StudyGroup.members', query: `query($id: ID!) { studyGroup(id: $id) { members { role user { fullName } } } }`, vars: () => ({ id: group }), expected: GROUP_MEMBERS },
    { name: 'StudyGroup.pendingMembers', query: `query($id: ID!) { studyGroup(id: $id) { pendingMembers { user { id } } } }`, vars: () => ({ id: approvalGroup }), expected: ORGANISERS },
    { name: 'StudyGroup.goals', query: `query($id: ID!) { studyGroup(id: $id) { goals { title } } }`, vars: () => ({ id: group }), expected: GROUP_MEMBERS },
    { name: 'StudyGroup.rotationBalance', query: `query($id: ID!) { studyGroup(id: $id) { rotationBalance { role turns } } }`, vars: () => ({ id: group }), expected: GROUP_MEMBERS },
    { name: 'StudyGroup.accountabilityPairs', query: `query($id: ID!) { studyGroup(id: $id) { accountabilityPairs { round } } }`, vars: () => ({ id: group }), expected: GROUP_MEMBERS },
    { name: 'GroupMeeting.roles', query: `query($id: ID!) { studyGroup(id: $id) { upcomingMeetings(count: 1) { roles { role user { fullName } } } } }`, vars: () => ({ id: group }), expected: GROUP_MEMBERS },
    { name: 'GroupMeeting.attendance', query: `query($id: ID!) { studyGroup(id: $id) { meetings(first: 1) { edges { node { attendance { present } } } } } }`, vars: () => ({ id: group }), expected: GROUP_MEMBERS },
    { name: 'GroupMeeting.notes', query: `query($id: ID!) { studyGroup(id: $id) { meetings(first: 1) { edges { node { notes } } } } }`, vars: () => ({ id: group }), expected: GROUP_MEMBERS },
    { name: 'GroupMeeting.checkIns', query: `query($id: ID!) { studyGroup(id: $id) { meetings(first: 1) { edges { node { checkIns { done } } } } } }`, vars: () => ({ id: group }), expected: GROUP_MEMBERS },
    { name: 'StudyGroup.pastMeetings', query: `query($id: ID!) { studyGroup(id: $id) { pastMeetings(first: 2) { totalCount edges { node { startsAt } } } } }`, vars: () => ({ id: group }), expected: PUBLIC },
    { name: 'GroupMeeting.myFeedback', query: `query($id: ID!) { studyGroup(id: $id) { pastMeetings(first: 1) { edges { node { myFeedback { rating } } } } } }`, vars: () => ({ id: group }), expected: GROUP_MEMBERS },
    { name: 'GroupMeeting.roleOffers', query: `query($id: ID!) { studyGroup(id: $id) { upcomingMeetings(count: 1) { roleOffers { role from { fullName } to { fullName } } } } }`, vars: () => ({ id: group }), expected: GROUP_MEMBERS },
    { name: 'communityReport', query: `{ communityReport { activeGroups attendanceRate } }`, vars: () => ({}), expected: ADMINS },

    { name: 'createStudyGroup', query: `mutation($input: CreateStudyGroupInput!) { createStudyGroup(input: $input) { id } }`, vars: () => ({ input: groupInput() }), expected: SIGNED_IN },
    { name: 'joinStudyGroup', query: `mutation($g: ID!) { joinStudyGroup(groupId: $g) { status } }`, vars: async () => ({ g: await createGroup(t, who.organiser) }), expected: { ...SIGNED_IN, organiser: 'CONFLICT' } },
    { name: 'leaveStudyGroup', query: `mutation($g: ID!) { leaveStudyGroup(groupId: $g) }`, vars: async () => ({ g: await createGroup(t, who.organiser) }), expected: SIGNED_IN },
    { name: 'updateStudyGroup', query: `mutation($id: ID!) { updateStudyGroup(id: $id, input: { description: "Updated" }) { id } }`, vars: () => ({ id: group }), expected: ORGANISERS },
    { name: 'approveGroupMember', query: `mutation($g: ID!, $u: ID!) { approveGroupMember(groupId: $g, userId: $u) { status } }`, vars: async () => ({ g: approvalGroup, u: await pending(approvalGroup) }), expected: ORGANISERS },
    { name: 'declineGroupMember', query: `mutation($g: ID!, $u: ID!) { declineGroupMember(groupId: $g, userId: $u) }`, vars: async () => ({ g: approvalGroup, u: await pending(approvalGroup) }), expected: ORGANISERS },
    { name: 'setMeetingRoles', query: `mutation($g: ID!) { setMeetingRoles(groupId: $g, roles: [{ role: "FACILITATOR" }, { role: "NOTE_TAKER" }, { role: "TIMEKEEPER" }]) { id } }`, vars: () => ({ g: group }), expected: ORGANISERS },
    { name: 'assignMeetingRoles', query: `mutation($id: ID!) { assignMeetingRoles(meetingId: $id) { id } }`, vars: () => ({ id: future[1] }), expected: ORGANISERS },
    { name: 'swapMeetingRole', query: `mutation($id: ID!, $u: ID!) { swapMeetingRole(meetingId: $id, role: "NOTE_TAKER", userId: $u) { id } }`, vars: () => ({ id: future[0], u: who.member.id }), expected: ORGANISERS },
    {
      name: 'moveMeeting', query: `mutation($id: ID!, $at: DateTime!) { moveMeeting(meetingId: $id, startsAt: $at) { startsAt } }`,
      vars: (actor) => ({ id: future[2], at: new Date(Date.now() + (10 + ACTORS.indexOf(actor)) * 86_400_000).toISOString() }), expected: ORGANISERS,
    },
    { name: 'cancelMeeting', query: `mutation($id: ID!) { cancelMeeting(meetingId: $id) { status } }`, vars: () => ({ id: future[3] }), expected: ORGANISERS },
    { name: 'recordAttendance', query: `mutation($id: ID!, $ids: [ID!]!) { recordAttendance(meetingId: $id, userIds: $ids) { id } }`, vars: () => ({ id: past, ids: [who.member.id] }), expected: ORGANISERS },
    { name: 'pairAccountabilityPartners', query: `mutation($g: ID!) { pairAccountabilityPartners(groupId: $g) { round } }`, vars: () => ({ g: group }), expected: ORGANISERS },
    { name: 'saveMeetingNotes', query: `mutation($id: ID!) { saveMeetingNotes(meetingId: $id, notes: "Agenda") { id } }`, vars: () => ({ id: past }), expected: GROUP_MEMBERS },
    { name: 'addGroupGoal', query: `mutation($g: ID!) { addGroupGoal(groupId: $g, input: { title: "Another goal" }) { id } }`, vars: () => ({ g: group }), expected: GROUP_MEMBERS },
    { name: 'updateGroupGoal', query: `mutation($id: ID!) { updateGroupGoal(goalId: $id, input: { progress: 30 }) { progress } }`, vars: () => ({ id: goalId }), expected: GROUP_MEMBERS },
    { name: 'logAccountabilityCheckIn', query: `mutation($id: ID!) { logAccountabilityCheckIn(meetingId: $id, input: { done: "Read", next: "Write" }) { id } }`, vars: () => ({ id: past }), expected: MEMBERS_THEMSELVES },
    {
      name: 'offerMeetingRole', query: `mutation($id: ID!, $r: String!, $u: ID!) { offerMeetingRole(meetingId: $id, role: $r, userId: $u) { id } }`,
      vars: async (actor) => ({ id: future[4], r: actor === 'anonymous' ? 'FACILITATOR' : await roleOf(future[4], who[actor]), u: partnerOf(actor).id }), expected: MEMBERS_THEMSELVES,
    },
    {
      name: 'answerMeetingRoleOffer (declining)', query: `mutation($id: ID!, $r: String!) { answerMeetingRoleOffer(meetingId: $id, role: $r, accept: false) { id } }`,
      vars: async (actor) => ({ id: future[4], r: await offerTo(actor) }), expected: MEMBERS_THEMSELVES,
    },
    { name: 'submitMeetingFeedback', query: `mutation($id: ID!) { submitMeetingFeedback(meetingId: $id, rating: 4) }`, vars: () => ({ id: past }), expected: MEMBERS_THEMSELVES },
  ];

  it('covers every operation of the feature', () => {
    const covered = new Set(rows().flatMap((r) => [...r.query.matchAll(/\b(\w+)\s*[({]/g)].map((m) => m[1])));
    for (const name of ['studyGroups', 'studyGroup', 'myStudyGroups', 'communityReport', 'createStudyGroup', 'updateStudyGroup', 'joinStudyGroup', 'leaveStudyGroup', 'approveGroupMember',
      'declineGroupMember', 'setMeetingRoles', 'assignMeetingRoles', 'swapMeetingRole', 'moveMeeting', 'cancelMeeting', 'recordAttendance', 'saveMeetingNotes', 'addGroupGoal', 'updateGroupGoal',
      'logAccountabilityCheckIn', 'pairAccountabilityPartners', 'submitMeetingFeedback', 'offerMeetingRole', 'answerMeetingRoleOffer', 'pastMeetings', 'myFeedback', 'roleOffers', 'members', 'pendingMembers', 'goals', 'rotationBalance', 'accountabilityPairs', 'roles', 'attendance', 'checkIns']) {
      expect([name, covered.has(name)]).toEqual([name, true]);
    }
  });

  it.each(rows().map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const actual = {} as Record<Actor, Outcome>;
    for (const actor of ACTORS) {
      const result = await t.gql(row.query, await row.vars(actor), actor === 'anonymous' ? undefined : who[actor].accessToken);
      actual[actor] = outcome(result);
      // A refusal carries no data from inside the group.
      if (actual[actor] !== 'OK') expect(JSON.stringify(result)).not.toMatch(/Mina Member|Finish book one|Agenda/);
    }
    expect(actual).toEqual(row.expected);
  });

  it('unknown ids are NOT_FOUND, malformed ones BAD_USER_INPUT naming the argument (checked before any SQL)', async () => {
    const unknown = await t.gql(`mutation { cancelMeeting(meetingId: "00000000-0000-4000-8000-000000000000") { id } }`, {}, who.organiser.accessToken);
    expect(unknown.errors![0].extensions.code).toBe('NOT_FOUND');
    const malformed = await t.gql(`mutation { cancelMeeting(meetingId: "x'; DROP TABLE users; --") { id } }`, {}, who.organiser.accessToken);
    expect(malformed.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'meetingId', message: 'must be a meeting id' }] });
    const noGroup = await t.gql(`mutation { updateStudyGroup(id: "00000000-0000-4000-8000-000000000000", input: { name: "x" }) { id } }`, {}, who.admin.accessToken);
    expect(noGroup.errors![0].extensions.code).toBe('NOT_FOUND');
    expect((await t.gql(`query { studyGroup(id: "00000000-0000-4000-8000-000000000000") { id } }`)).data!.studyGroup).toBeNull();
  });

  it('the .ics feed is public, like the catalogue, and holds no member data', async () => {
    const response = await fetch(`${t.url}/study-groups/${group}.ics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toMatch(/Mina Member|Orla Organiser|@example\.org|Agenda/);
  });
});
