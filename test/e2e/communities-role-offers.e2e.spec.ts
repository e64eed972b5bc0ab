import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MeetingRoleOffersService } from '../../libs/communities/src/index.js';
import { type AppError, Role, type Viewer } from '../../libs/core/src/index.js';
import { backdateMeeting, createGroup, goodStandingTier, joinGroup, memberInGoodStanding, UPCOMING } from '../factories/communities.js';
import { createAdminUser, TestUser } from '../factories/users.js';
import { errorCode, type GqlResult, startTestApp, TestApp } from '../utils/test-app.js';

const SWAP = `mutation($id: ID!, $role: String!, $u: ID!) { swapMeetingRole(meetingId: $id, role: $role, userId: $u) { id } }`;
const OFFER = `mutation($id: ID!, $role: String!, $u: ID!) { offerMeetingRole(meetingId: $id, role: $role, userId: $u) { id } }`;
const ANSWER = `mutation($id: ID!, $role: String!, $accept: Boolean!) { answerMeetingRoleOffer(meetingId: $id, role: $role, accept: $accept) { id roles { role user { fullName } } } }`;
const OFFERS = `query($g: ID!) { studyGroup(id: $g) { upcomingMeetings(count: 6) { id roleOffers { role inReturnRole from { fullName } to { fullName } } } } }`;
const ROUNDS = 5;

/** Members hand their meeting roles to each other: an offer, then the other's answer; rules, notices, audit, and the race the group lock settles. */
describe('study groups: members offer and trade their meeting roles', () => {
  let t: TestApp;
  let tierId: string;
  let organiser: TestUser;
  let ann: TestUser;
  let ben: TestUser;
  let cai: TestUser;
  let outsider: TestUser;
  let groupId: string;
  let meetings: string[];

  beforeAll(async () => {
    t = await startTestApp({ DB_POOL_SIZE: '20' });
    const admin = await createAdminUser(t);
    tierId = await goodStandingTier(t, admin);
    organiser = await memberInGoodStanding(t, tierId, 'Olga Organiser');
    [ann, ben, cai, outsider] = [
      await memberInGoodStanding(t, tierId, 'Ann Holder'),
      await memberInGoodStanding(t, tierId, 'Ben Holder'),
      await memberInGoodStanding(t, tierId, 'Cai Taker'),
      await memberInGoodStanding(t, tierId, 'Out Sider'),
    ];
    groupId = await createGroup(t, organiser, { capacity: 10 });
    for (const person of [ann, ben, cai]) await joinGroup(t, person, groupId);
    meetings = ((await t.gql(UPCOMING, { id: groupId, count: 6 })).data!.studyGroup.upcomingMeetings as Array<{ id: string }>).map((m) => m.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  const holders = async (meetingId: string) =>
    Object.fromEntries((await t.sql<{ role: string; user_id: string }>(`SELECT role, user_id FROM meeting_role_assignments WHERE meeting_id = $1`, [meetingId])).map((r) => [r.role, r.user_id]));
  /** The organiser sets who holds what, so each test starts from a known state. */
  const hand = async (meetingId: string, roles: Record<string, TestUser>) => {
    await t.sql(`DELETE FROM meeting_role_assignments WHERE meeting_id = $1`, [meetingId]);
    for (const [role, person] of Object.entries(roles)) expect((await t.gql(SWAP, { id: meetingId, role, u: person.id }, organiser.accessToken)).errors).toBeUndefined();
  };
  const mail = (userId: string, template: string) =>
    t.sql<{ subject: string }>(`SELECT subject FROM outbox_messages WHERE recipient_user_id = $1 AND template = $2 ORDER BY created_at`, [userId, template]);
  const reasonOf = (result: GqlResult) => result.errors?.[0]?.extensions.reason;

  it('hands a role over: the offer waits for the answer, the taker is emailed, accepting moves it, the offerer is told, both steps audited', async () => {
    const meeting = meetings[0];
    await hand(meeting, { FACILITATOR: ann, NOTE_TAKER: ben });
    expect((await t.gql(OFFER, { id: meeting, role: 'FACILITATOR', u: cai.id }, ann.accessToken)).errors).toBeUndefined();
    // Nothing changes until Cai answers; every member of the group sees the pending offer.
    expect(await holders(meeting)).toMatchObject({ FACILITATOR: ann.id });
    const seen = (await t.gql(OFFERS, { g: groupId }, ben.accessToken)).data!.studyGroup.upcomingMeetings.find((m: { id: string }) => m.id === meeting);
    expect(seen.roleOffers).toEqual([{ role: 'FACILITATOR', inReturnRole: null, from: { fullName: 'Ann Holder' }, to: { fullName: 'Cai Taker' } }]);
    expect((await mail(cai.id, 'study-group-role-offer')).map((m) => m.subject)).toEqual([expect.stringContaining('Ann Holder offers you facilitator')]);

    const accepted = await t.gql(ANSWER, { id: meeting, role: 'FACILITATOR', accept: true }, cai.accessToken);
    expect(accepted.errors).toBeUndefined();
    expect(await holders(meeting)).toEqual({ FACILITATOR: cai.id, NOTE_TAKER: ben.id });
    expect(await t.sql(`SELECT * FROM meeting_role_offers WHERE meeting_id = $1`, [meeting])).toEqual([]);
    expect((await mail(ann.id, 'study-group-role-offer-accepted')).map((m) => m.subject)).toEqual([expect.stringContaining('Cai Taker takes facilitator')]);
    const audit = await t.sql<{ action: string; actor_id: string }>(`SELECT action, actor_id FROM audit_log WHERE target_id = $1 AND action IN ('study-group.offer-role', 'study-group.accept-role-offer') ORDER BY created_at, action DESC`, [meeting]);
    expect(audit).toEqual([{ action: 'study-group.offer-role', actor_id: ann.id }, { action: 'study-group.accept-role-offer', actor_id: cai.id }]);
  });

  it('trades when the other member holds a role too: each ends with the other\'s', async () => {
    const meeting = meetings[1];
    await hand(meeting, { FACILITATOR: ann, NOTE_TAKER: ben });
    expect((await t.gql(OFFER, { id: meeting, role: 'NOTE_TAKER', u: ann.id }, ben.accessToken)).errors).toBeUndefined();
    const seen = (await t.gql(OFFERS, { g: groupId }, ann.accessToken)).data!.studyGroup.upcomingMeetings.find((m: { id: string }) => m.id === meeting);
    expect(seen.roleOffers).toEqual([{ role: 'NOTE_TAKER', inReturnRole: 'FACILITATOR', from: { fullName: 'Ben Holder' }, to: { fullName: 'Ann Holder' } }]);
    expect((await t.gql(ANSWER, { id: meeting, role: 'NOTE_TAKER', accept: true }, ann.accessToken)).errors).toBeUndefined();
    expect(await holders(meeting)).toEqual({ FACILITATOR: ben.id, NOTE_TAKER: ann.id });
  });

  it('declining leaves the roles as they were and tells the offerer', async () => {
    const meeting = meetings[2];
    await hand(meeting, { TIMEKEEPER: ben });
    expect((await t.gql(OFFER, { id: meeting, role: 'TIMEKEEPER', u: cai.id }, ben.accessToken)).errors).toBeUndefined();
    expect((await t.gql(ANSWER, { id: meeting, role: 'TIMEKEEPER', accept: false }, cai.accessToken)).errors).toBeUndefined();
    expect(await holders(meeting)).toEqual({ TIMEKEEPER: ben.id });
    expect(await t.sql(`SELECT * FROM meeting_role_offers WHERE meeting_id = $1`, [meeting])).toEqual([]);
    expect(await mail(ben.id, 'study-group-role-offer-declined')).toHaveLength(1);
  });

  it('refuses what a real group would not allow, naming the field', async () => {
    const meeting = meetings[3];
    await hand(meeting, { FACILITATOR: ann, NOTE_TAKER: ben });
    const notMine = await t.gql(OFFER, { id: meeting, role: 'NOTE_TAKER', u: cai.id }, ann.accessToken);
    expect([errorCode(notMine), reasonOf(notMine), notMine.errors![0].extensions.fields]).toEqual(['CONFLICT', 'NOT_ROLE_HOLDER', [{ path: 'role', message: 'is not yours at this meeting' }]]);
    const toOutsider = await t.gql(OFFER, { id: meeting, role: 'FACILITATOR', u: outsider.id }, ann.accessToken);
    expect([errorCode(toOutsider), toOutsider.errors![0].extensions.fields]).toEqual(['BAD_USER_INPUT', [{ path: 'userId', message: 'is not an active member of the group' }]]);
    const toSelf = await t.gql(OFFER, { id: meeting, role: 'FACILITATOR', u: ann.id }, ann.accessToken);
    expect(errorCode(toSelf)).toBe('BAD_USER_INPUT');
    // Only the member asked can answer.
    expect((await t.gql(OFFER, { id: meeting, role: 'FACILITATOR', u: cai.id }, ann.accessToken)).errors).toBeUndefined();
    expect(errorCode(await t.gql(ANSWER, { id: meeting, role: 'FACILITATOR', accept: true }, ben.accessToken))).toBe('NOT_FOUND');
    // The organiser moved the role meanwhile: the offer no longer stands.
    expect((await t.gql(SWAP, { id: meeting, role: 'FACILITATOR', u: organiser.id }, organiser.accessToken)).errors).toBeUndefined();
    const stale = await t.gql(ANSWER, { id: meeting, role: 'FACILITATOR', accept: true }, cai.accessToken);
    expect([errorCode(stale), reasonOf(stale)]).toEqual(['CONFLICT', 'ROLES_CHANGED']);
    expect(await holders(meeting)).toMatchObject({ FACILITATOR: organiser.id });
    // Once a meeting has started its roles are settled.
    const past = meetings[5];
    await hand(past, { FACILITATOR: ann });
    await backdateMeeting(t, past);
    const started = await t.gql(OFFER, { id: past, role: 'FACILITATOR', u: cai.id }, ann.accessToken);
    expect([errorCode(started), reasonOf(started)]).toEqual(['CONFLICT', 'MEETING_ALREADY_STARTED']);
    // Not a member of the group: refused before anything is read.
    expect(errorCode(await t.gql(OFFER, { id: meeting, role: 'FACILITATOR', u: cai.id }, outsider.accessToken))).toBe('FORBIDDEN');
  });

  it('a member who leaves the group takes the offers made by or to them along', async () => {
    const meeting = meetings[4];
    await hand(meeting, { FACILITATOR: ann });
    const quitter = await memberInGoodStanding(t, tierId, 'Quin Quitter');
    await joinGroup(t, quitter, groupId);
    expect((await t.gql(OFFER, { id: meeting, role: 'FACILITATOR', u: quitter.id }, ann.accessToken)).errors).toBeUndefined();
    expect(await t.sql(`SELECT to_user_id FROM meeting_role_offers WHERE meeting_id = $1`, [meeting])).toEqual([{ to_user_id: quitter.id }]);
    expect((await t.gql(`mutation($g: ID!) { leaveStudyGroup(groupId: $g) }`, { g: groupId }, quitter.accessToken)).errors).toBeUndefined();
    expect(await t.sql(`SELECT * FROM meeting_role_offers WHERE meeting_id = $1`, [meeting])).toEqual([]);
    expect(await holders(meeting)).toEqual({ FACILITATOR: ann.id });
  });

  it(`${ROUNDS} rounds: two hand-overs to the same member accepted at once; the group lock lets one through, the other hears ROLES_CHANGED`, async () => {
    const offers = t.app.get(MeetingRoleOffersService);
    const asViewer = (person: TestUser): Viewer => ({ id: person.id, role: Role.USER, sessionId: 'test' });
    for (let round = 0; round < ROUNDS; round++) {
      const race = await createGroup(t, organiser, { capacity: 10, name: `Race group ${round}` });
      for (const person of [ann, ben, cai]) await joinGroup(t, person, race);
      const [meeting] = ((await t.gql(UPCOMING, { id: race, count: 1 })).data!.studyGroup.upcomingMeetings as Array<{ id: string }>).map((m) => m.id);
      await hand(meeting, { FACILITATOR: ann, NOTE_TAKER: ben });
      await offers.offer({ actor: asViewer(ann), requestId: 'race' }, meeting, 'FACILITATOR', cai.id);
      await offers.offer({ actor: asViewer(ben), requestId: 'race' }, meeting, 'NOTE_TAKER', cai.id);
      const outcomes = await Promise.allSettled(
        ['FACILITATOR', 'NOTE_TAKER'].map((role) => offers.answer({ actor: asViewer(cai), requestId: 'race' }, meeting, role, true)),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => (o.reason as AppError).options?.reason)).toEqual(['ROLES_CHANGED']);
      // Cai took one of the two, not both; the other stays with its holder.
      const held = await holders(meeting);
      expect(Object.values(held).filter((id) => id === cai.id)).toHaveLength(1);
      expect(Object.keys(held).sort()).toEqual(['FACILITATOR', 'NOTE_TAKER']);
    }
  }, 120_000);
});
