/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createCohort, createProgram, freeTier, publishedCohort, signUpMember } from '../factories/mentoring.js';
import { captureScreenshot, collectProblems, createAdminUser, expectAccessible, logInThroughPage, startPortal, type Portal, type TestUser } from './support/index.js';

describe('portal: mentoring (apply as mentor or mentee, my pairs, check-ins)', () => {
  let portal: Portal;
  let admin: TestUser;
  let tierId: string;
  beforeAll(async () => {
    portal = await startPortal();
    admin = await createAdminUser(portal.t);
    tierId = await freeTier(portal.t, admin);
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('applies to an open cohort as a mentee; problems show beside their fields and inputs stay', async () => {
    const programId = await createProgram(portal.t, admin, { name: 'Early career', description: 'Pairs newcomers with seasoned members.', ceCreditsPerHour: 0.5 });
    const cohortId = await createCohort(portal.t, admin, programId, { name: 'Spring 2027', open: true });
    const member = await signUpMember(portal.t, tierId, 'Mia Mentee');
    const page = await portal.newPortalPage();
    const problems = collectProblems(page);
    await logInThroughPage(page, member, 'Mia Mentee', '/mentoring');
    await page.getByRole('heading', { level: 1, name: 'Mentoring' }).waitFor();
    await page.getByText('You are not in a mentoring pair yet.').waitFor();
    await page.getByRole('region', { name: 'My applications' }).getByText('You have not applied to a cohort yet.').waitFor();
    const program = page.getByRole('article', { name: 'Early career' });
    await program.getByText('0.5 CE credits per confirmed hour').waitFor();
    await expectAccessible(page, 'mentoring');
    await captureScreenshot(page, 'mentoring-desktop');

    const form = program.getByRole('form', { name: 'Apply to Spring 2027' });
    await form.getByRole('button', { name: 'Send application' }).click();
    await form.getByText('Add at least one topic').waitFor();

    await form.getByLabel(/^Topics/).fill('audit');
    await form.getByLabel(/^Topics/).press('Enter');
    await form.getByLabel(/^Years of experience/).fill('3');
    await form.getByLabel(/^Time zone/).fill('Mars/Olympus');
    await form.getByRole('button', { name: 'Send application' }).click();
    // The API's own answer, beside the field it names; the other inputs are kept.
    const zone = form.getByLabel(/^Time zone/);
    await page.waitForFunction(() => document.querySelector('input[aria-invalid="true"]') !== null);
    expect(await zone.getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel(/^Years of experience/).inputValue()).toBe('3');
    await expectAccessible(page, 'mentoring application with an error');

    await zone.fill('Europe/Dublin');
    await form.getByRole('button', { name: 'Send application' }).click();
    await program.getByText('Your application as Mentee to Spring 2027 is in').waitFor();
    const rows = await portal.t.sql(`SELECT role, topics, years_of_experience AS years, timezone FROM mentoring_applications WHERE cohort_id = $1`, [cohortId]);
    expect(rows).toEqual([{ role: 'MENTEE', topics: ['audit'], years: 3, timezone: 'Europe/Dublin' }]);

    // My applications lists it at once, pending, with its program; withdrawing asks first, then says so.
    const mine = page.getByRole('region', { name: 'My applications' });
    const application = mine.getByRole('article', { name: 'Mentee in Spring 2027' });
    await application.getByText('Pending').waitFor();
    expect(await application.getByText(/^Early career · applied /).isVisible()).toBe(true);
    await expectAccessible(page, 'mentoring, my applications');
    await captureScreenshot(page, 'mentoring-applications-desktop');
    await application.getByRole('button', { name: 'Withdraw: Mentee in Spring 2027' }).click();
    await application.getByRole('button', { name: 'Keep it' }).click();
    expect(await application.getByText('Pending').isVisible()).toBe(true);
    await application.getByRole('button', { name: 'Withdraw: Mentee in Spring 2027' }).click();
    await application.getByRole('button', { name: 'Yes, withdraw it' }).click();
    await application.getByText('Withdrawn').waitFor();
    expect(await application.getByRole('button', { name: /^Withdraw/ }).count()).toBe(0);
    expect(await portal.t.sql(`SELECT status FROM mentoring_applications WHERE cohort_id = $1`, [cohortId])).toEqual([{ status: 'WITHDRAWN' }]);
    // The list is the API's: after a reload it still says so.
    await page.reload();
    await page.getByRole('region', { name: 'My applications' }).getByRole('article', { name: 'Mentee in Spring 2027' }).getByText('Withdrawn').waitFor();
    expect(problems.filter((p) => !p.includes('400'))).toEqual([]);
  });

  it('shows my pair at phone size, logs a check-in, and the other side confirms it', async () => {
    const mentor = await signUpMember(portal.t, tierId, 'Max Mentor');
    const mentee = await signUpMember(portal.t, tierId, 'Nell Mentee');
    const { pairs } = await publishedCohort(portal.t, admin, { mentors: [{ user: mentor }], mentees: [mentee] });
    // Check-ins must fall after the pair started: let it have started two days ago.
    await portal.t.sql(`UPDATE mentoring_pairs SET started_at = now() - interval '2 days', created_at = now() - interval '2 days' WHERE id = $1`, [pairs[0]!.id]);

    const menteePage = await portal.newPortalPage({ viewport: 'phone' });
    await logInThroughPage(menteePage, mentee, 'Nell Mentee', '/mentoring');
    const pair = menteePage.getByRole('article', { name: 'Mentored by Max Mentor' });
    await pair.waitFor();
    await expectAccessible(menteePage, 'mentoring with a pair (phone)');
    await captureScreenshot(menteePage, 'mentoring-phone');
    const form = pair.getByRole('form', { name: 'Log a check-in' });
    const hourAgo = new Date(Date.now() - 3_600_000);
    const local = new Date(hourAgo.getTime() - hourAgo.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await form.getByLabel(/^When it happened/).fill(local);
    await form.getByLabel(/^Minutes/).fill('45');
    await form.getByRole('button', { name: 'Log a check-in' }).click();
    await pair.getByText(/45 min · waiting for confirmation/).waitFor();

    // A goal for the pair, added and then marked done.
    const addGoal = pair.getByRole('form', { name: 'Add the goal' });
    await addGoal.getByLabel(/^New goal/).fill('Pass the ethics exam');
    await addGoal.getByRole('button', { name: 'Add the goal' }).click();
    await pair.getByText('Pass the ethics exam', { exact: true }).waitFor();
    await pair.getByRole('button', { name: 'Mark done: Pass the ethics exam' }).click();
    await pair.getByText('Done', { exact: true }).waitFor();
    expect(await portal.t.sql(`SELECT title, status FROM mentoring_goals WHERE pair_id = $1`, [pairs[0]!.id])).toEqual([{ title: 'Pass the ethics exam', status: 'COMPLETED' }]);
    await expectAccessible(menteePage, 'mentoring pair with a goal done (phone)');

    const mentorPage = await portal.newPortalPage();
    await logInThroughPage(mentorPage, mentor, 'Max Mentor', '/mentoring');
    const mentorPair = mentorPage.getByRole('article', { name: 'Mentoring Nell Mentee' });
    await mentorPair.getByRole('button', { name: /^Confirm the check-in of/ }).click();
    await mentorPair.getByText(/45 min · confirmed, 0\.75 credits/).waitFor();
  });
});
