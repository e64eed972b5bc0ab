/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backdateMeeting, createGroup, goodStandingTier, joinGroup, memberInGoodStanding, UPCOMING } from '../factories/communities.js';
import { captureScreenshot, collectProblems, createAdminUser, expectAccessible, logInThroughPage, startPortal, type Portal, type TestUser } from './support/index.js';

const SET_ROLES = `mutation($groupId: ID!, $roles: [MeetingRoleInput!]!) { setMeetingRoles(groupId: $groupId, roles: $roles) { id } }`;
const SWAP = `mutation($id: ID!, $role: String!, $u: ID!) { swapMeetingRole(meetingId: $id, role: $role, userId: $u) { id } }`;
const ASSIGN = `mutation($id: ID!) { assignMeetingRoles(meetingId: $id) { id roles { role user { fullName } } } }`;

describe('portal: study groups (join, my groups, meetings with my role, check-in, goals)', () => {
  let portal: Portal;
  let tierId: string;
  let organiser: TestUser;
  beforeAll(async () => {
    portal = await startPortal();
    const admin = await createAdminUser(portal.t);
    tierId = await goodStandingTier(portal.t, admin);
    organiser = await memberInGoodStanding(portal.t, tierId, 'Olive Organiser');
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('joins a group, sees the next meetings with its role, logs a check-in and adds a goal', async () => {
    const groupId = await createGroup(portal.t, organiser, { name: 'Ledger lovers', topic: 'Accounting' });
    expect((await portal.t.gql(SET_ROLES, { groupId, roles: [{ role: 'FACILITATOR' }, { role: 'TIMEKEEPER' }] }, organiser.accessToken)).errors).toBeUndefined();
    const member = await memberInGoodStanding(portal.t, tierId, 'Jo Joiner');
    const page = await portal.newPortalPage();
    const problems = collectProblems(page);
    await logInThroughPage(page, member, 'Jo Joiner', `/my-groups/${groupId}`);
    await page.getByRole('heading', { level: 1, name: 'Ledger lovers' }).waitFor();
    expect(await page.getByRole('link', { name: 'Meetings in your calendar (.ics)' }).getAttribute('href')).toBe(`/study-groups/${groupId}.ics`);
    await expectAccessible(page, 'study group, not a member');
    await page.getByRole('button', { name: 'Join the group' }).click();
    await page.getByText('You are a member.').waitFor();

    // The organiser hands out the next meeting's roles: two roles, two members, so Jo has one.
    const meetings = await portal.t.gql(UPCOMING, { id: groupId, count: 2 }, member.accessToken);
    const nextId = meetings.data!.studyGroup.upcomingMeetings[0].id;
    const assigned = await portal.t.gql(ASSIGN, { id: nextId }, organiser.accessToken);
    const joRole: string = assigned.data!.assignMeetingRoles.roles.find((r: { user: { fullName: string } }) => r.user.fullName === 'Jo Joiner').role;
    await page.reload();
    await page.getByRole('region', { name: 'Next meetings' }).getByText(`Your role: ${joRole}`).first().waitFor();

    const checkIns = page.getByRole('region', { name: 'Accountability check-ins' });
    await checkIns.getByRole('button', { name: 'Save my check-in' }).click();
    await checkIns.getByText('Say what you did').waitFor();
    await checkIns.getByLabel('What I did since last time').fill('Read chapter 3');
    await checkIns.getByLabel('What I will do next').fill('Practice questions 1-20');
    await checkIns.getByRole('button', { name: 'Save my check-in' }).click();
    await checkIns.getByText('Your check-in is saved.').waitFor();
    const [row] = await portal.t.sql(`SELECT done, next, blockers FROM accountability_check_ins WHERE meeting_id = $1`, [nextId]);
    expect(row).toEqual({ done: 'Read chapter 3', next: 'Practice questions 1-20', blockers: null });

    const goals = page.getByRole('region', { name: 'Group goals' });
    await goals.getByLabel(/^New goal/).fill('Pass Level I');
    await goals.getByRole('button', { name: 'Add the goal' }).click();
    await goals.getByText('Pass Level I', { exact: true }).waitFor();
    await goals.getByLabel('Progress of Pass Level I (%)').fill('40');
    await goals.getByRole('button', { name: 'Save progress: Pass Level I' }).click();
    await goals.getByLabel('Pass Level I: 40% done').waitFor();
    expect(await portal.t.sql(`SELECT progress FROM group_goals WHERE group_id = $1`, [groupId])).toEqual([{ progress: 40 }]);
    await expectAccessible(page, 'study group, member');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My study groups' }).click();
    const card = page.getByRole('article', { name: 'Ledger lovers' });
    await card.getByText(`Your role: ${joRole}`).waitFor();
    await page.mouse.move(0, 0);
    await expectAccessible(page, 'my study groups');
    await captureScreenshot(page, 'my-study-groups-desktop');
    expect(problems).toEqual([]);
  });

  it('hands my role to another member, who accepts it on their page; rates a past meeting once (again changes it)', async () => {
    const groupId = await createGroup(portal.t, organiser, { name: 'Audit circle', topic: 'Auditing' });
    expect((await portal.t.gql(SET_ROLES, { groupId, roles: [{ role: 'FACILITATOR' }, { role: 'TIMEKEEPER' }] }, organiser.accessToken)).errors).toBeUndefined();
    const jo = await memberInGoodStanding(portal.t, tierId, 'Jo Giver');
    const kim = await memberInGoodStanding(portal.t, tierId, 'Kim Keen');
    await joinGroup(portal.t, jo, groupId);
    await joinGroup(portal.t, kim, groupId);
    const [next, earlier] = (await portal.t.gql(UPCOMING, { id: groupId, count: 2 }, jo.accessToken)).data!.studyGroup.upcomingMeetings as Array<{ id: string }>;
    expect((await portal.t.gql(SWAP, { id: next.id, role: 'FACILITATOR', u: jo.id }, organiser.accessToken)).errors).toBeUndefined();
    await backdateMeeting(portal.t, earlier.id, 60 * 24 * 7);

    const page = await portal.newPortalPage();
    const problems = collectProblems(page);
    await logInThroughPage(page, jo, 'Jo Giver', `/my-groups/${groupId}`);
    const meetings = page.getByRole('region', { name: 'Next meetings' });
    await meetings.getByText('Your role: FACILITATOR').first().waitFor();
    const offer = meetings.getByRole('form', { name: 'Offer my role FACILITATOR' }).first();
    await offer.getByLabel('Offer FACILITATOR to').click();
    await page.getByRole('option', { name: 'Kim Keen' }).click();
    await offer.getByRole('button', { name: 'Send the offer' }).click();
    await meetings.getByText('You offered FACILITATOR to Kim Keen; waiting for an answer.').waitFor();
    // Nothing moves until Kim answers.
    expect(await portal.t.sql(`SELECT user_id FROM meeting_role_assignments WHERE meeting_id = $1 AND role = 'FACILITATOR'`, [next.id])).toEqual([{ user_id: jo.id }]);
    await expectAccessible(page, 'study group, role offered');

    const kimPage = await portal.newPortalPage({ viewport: 'phone' });
    const kimProblems = collectProblems(kimPage);
    await logInThroughPage(kimPage, kim, 'Kim Keen', `/my-groups/${groupId}`);
    const asked = kimPage.getByRole('group', { name: 'Offer of FACILITATOR from Jo Giver' });
    await asked.getByText('Jo Giver asks you to take FACILITATOR.').waitFor();
    await expectAccessible(kimPage, 'study group, a role offered to me (phone)');
    await captureScreenshot(kimPage, 'study-group-role-offer-phone');
    await asked.getByRole('button', { name: 'Accept FACILITATOR' }).click();
    await kimPage.getByRole('region', { name: 'Next meetings' }).getByText('Your role: FACILITATOR').first().waitFor();
    expect(await portal.t.sql(`SELECT user_id FROM meeting_role_assignments WHERE meeting_id = $1 AND role = 'FACILITATOR'`, [next.id])).toEqual([{ user_id: kim.id }]);
    expect(kimProblems).toEqual([]);

    // Feedback on the meeting that took place: a rating is asked for, saved once, and changed by sending again.
    await page.reload();
    const past = page.getByRole('region', { name: 'Past meetings' });
    const form = past.getByRole('form', { name: 'My feedback' });
    await form.getByRole('button', { name: 'Send my feedback' }).click();
    await form.getByText('Choose a rating').waitFor();
    await form.getByRole('radio', { name: '4' }).check();
    await form.getByLabel('Comment (optional)').fill('Good pace');
    await form.getByRole('button', { name: 'Send my feedback' }).click();
    await past.getByText('You rated this meeting 4 out of 5.').waitFor();
    await expectAccessible(page, 'study group, feedback given');
    await captureScreenshot(page, 'study-group-feedback-desktop');
    await past.getByRole('radio', { name: '5 (very useful)' }).check();
    await past.getByRole('button', { name: 'Change my feedback' }).click();
    await past.getByText('You rated this meeting 5 out of 5.').waitFor();
    expect(await portal.t.sql(`SELECT rating, comment FROM meeting_feedback WHERE meeting_id = $1 AND user_id = $2`, [earlier.id, jo.id])).toEqual([{ rating: 5, comment: 'Good pace' }]);
    expect(problems).toEqual([]);
  });

  it('shows an empty list at phone size before joining anything', async () => {
    const member = await memberInGoodStanding(portal.t, tierId, 'Nina Newcomer');
    const page = await portal.newPortalPage({ viewport: 'phone' });
    await logInThroughPage(page, member, 'Nina Newcomer', '/my-groups');
    await page.getByText('You are not in a study group yet.').waitFor();
    await expectAccessible(page, 'my study groups, empty (phone)');
    await captureScreenshot(page, 'my-study-groups-phone');
  });
});
