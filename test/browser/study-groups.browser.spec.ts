/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createGroup, goodStandingTier, memberInGoodStanding, UPCOMING } from '../factories/communities.js';
import { captureScreenshot, collectProblems, createAdminUser, expectAccessible, logInThroughPage, startPortal, type Portal, type TestUser } from './support/index.js';

const SET_ROLES = `mutation($groupId: ID!, $roles: [MeetingRoleInput!]!) { setMeetingRoles(groupId: $groupId, roles: $roles) { id } }`;
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
    await expectAccessible(page, 'study group, member');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My study groups' }).click();
    const card = page.getByRole('article', { name: 'Ledger lovers' });
    await card.getByText(`Your role: ${joRole}`).waitFor();
    await page.mouse.move(0, 0);
    await expectAccessible(page, 'my study groups');
    await captureScreenshot(page, 'my-study-groups-desktop');
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
