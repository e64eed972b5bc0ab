import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backdateMeeting, createGroup, goodStandingTier, joinGroup, memberInGoodStanding, UPCOMING } from '../factories/communities.js';
import { createAdminUser, TestUser } from '../factories/users.js';
import { errorCode, startTestApp, TestApp } from '../utils/test-app.js';

const PAST = `query($id: ID!, $first: Int, $after: String) { studyGroup(id: $id) { pastMeetings(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id startsAt myFeedback { rating comment } } } } } }`;
const FEEDBACK = `mutation($id: ID!, $r: Int!, $c: String) { submitMeetingFeedback(meetingId: $id, rating: $r, comment: $c) }`;

/** The meetings that took place, newest first, with the viewer's own rating: what the portal's feedback form reads. */
describe('study groups: past meetings and my feedback', () => {
  let t: TestApp;
  let organiser: TestUser;
  let member: TestUser;
  let groupId: string;
  let ids: string[];

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await createAdminUser(t);
    const tierId = await goodStandingTier(t, admin);
    organiser = await memberInGoodStanding(t, tierId, 'Pat Organiser');
    member = await memberInGoodStanding(t, tierId, 'Rae Rater');
    groupId = await createGroup(t, organiser);
    await joinGroup(t, member, groupId);
    ids = ((await t.gql(UPCOMING, { id: groupId, count: 5 })).data!.studyGroup.upcomingMeetings as Array<{ id: string }>).map((m) => m.id);
    // Four meetings moved into the past (3, 2, 1 weeks and 1 day ago); one of them cancelled; the fifth is still to come.
    for (const [i, minutesAgo] of [[0, 3 * 7 * 1440], [1, 2 * 7 * 1440], [2, 7 * 1440], [3, 1440]] as const) await backdateMeeting(t, ids[i], minutesAgo);
    await t.sql(`UPDATE group_meetings SET status = 'CANCELLED' WHERE id = $1`, [ids[1]]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the meetings that took place, newest first, without cancelled or coming ones, a page at a time', async () => {
    const first = (await t.gql(PAST, { id: groupId, first: 2 }, member.accessToken)).data!.studyGroup.pastMeetings;
    expect(first.totalCount).toBe(3);
    expect(first.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids[3], ids[2]]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await t.gql(PAST, { id: groupId, first: 2, after: first.pageInfo.endCursor }, member.accessToken)).data!.studyGroup.pastMeetings;
    expect(second.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids[0]]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(errorCode(await t.gql(PAST, { id: groupId, first: 1000 }, member.accessToken))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(PAST, { id: groupId, first: 1, after: 'not a cursor' }, member.accessToken))).toBe('BAD_USER_INPUT');
  });

  it('myFeedback is the viewer\'s own; one per person per meeting, and giving it again replaces it', async () => {
    expect(await t.gql(FEEDBACK, { id: ids[3], r: 3, c: 'Too long' }, member.accessToken)).toMatchObject({ data: { submitMeetingFeedback: true } });
    expect(await t.gql(FEEDBACK, { id: ids[3], r: 5, c: null }, member.accessToken)).toMatchObject({ data: { submitMeetingFeedback: true } });
    const mine = (await t.gql(PAST, { id: groupId, first: 1 }, member.accessToken)).data!.studyGroup.pastMeetings.edges[0].node;
    expect(mine.myFeedback).toEqual({ rating: 5, comment: null });
    expect(await t.sql(`SELECT rating FROM meeting_feedback WHERE meeting_id = $1`, [ids[3]])).toEqual([{ rating: 5 }]);
    const theirs = (await t.gql(PAST, { id: groupId, first: 1 }, organiser.accessToken)).data!.studyGroup.pastMeetings.edges[0].node;
    expect(theirs.myFeedback).toBeNull();
    // Not yet: the meeting still to come refuses feedback.
    const early = await t.gql(FEEDBACK, { id: ids[4], r: 4 }, member.accessToken);
    expect([errorCode(early), early.errors![0].extensions.reason]).toEqual(['CONFLICT', 'MEETING_NOT_STARTED']);
    const wrong = await t.gql(FEEDBACK, { id: ids[3], r: 9 }, member.accessToken);
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
  });
});
