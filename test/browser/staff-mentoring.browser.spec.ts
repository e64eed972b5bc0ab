/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { applyOk, createCohort, createProgram, freeTier, signUpMember } from '../factories/mentoring.js';
import { collectProblems, createAdminUser, expectAccessible, logInThroughPage, signUpUser, startPortal, type Portal, type TestUser } from './support/index.js';

const GRANT = `mutation($id: ID!, $p: [StaffPermission!]!) { setStaffPermissions(userId: $id, permissions: $p) { id } }`;
const DAY = 86_400_000;

/** A day as the date input takes it (YYYY-MM-DD, the browser's local day). */
const day = (offsetDays: number) => {
  const d = new Date(Date.now() + offsetDays * DAY);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Waits for the GraphQL answer to the named mutation that `act` causes. */
async function answerTo(page: Page, field: string, act: () => Promise<void>): Promise<void> {
  const answered = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes(`${field}(`));
  await act();
  expect((await answered).ok()).toBe(true);
}

describe('portal: the staff console for mentoring', () => {
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

  it('a MENTORING_COORDINATOR sets up a cohort, reviews its applications, matches (lock, exclude, re-run, unlock), publishes and reads the report', async () => {
    const coordinator = await signUpUser(portal.t, { fullName: 'Cora Coordinator' });
    await portal.t.gql(GRANT, { id: coordinator.id, p: ['MENTORING_COORDINATOR'] }, admin.accessToken);
    const page = await portal.newPortalPage();
    const problems = collectProblems(page);
    await logInThroughPage(page, coordinator, 'Cora Coordinator', '/staff');
    await page.getByRole('heading', { level: 1, name: 'Staff console' }).waitFor();
    await page.getByRole('region', { name: 'Mentoring' }).getByRole('link', { name: 'Mentoring' }).click();

    // Programs: create one, then a cohort in it.
    await page.getByRole('heading', { level: 1, name: 'Mentoring' }).waitFor();
    await page.getByText('No mentoring programs yet.').waitFor();
    await expectAccessible(page, 'mentoring programs (empty)');
    const newProgram = page.getByRole('form', { name: 'New program' });
    await newProgram.getByRole('button', { name: 'Create program' }).click();
    await newProgram.getByText('Give the program a name').waitFor();
    await newProgram.getByRole('textbox', { name: 'Program name' }).fill('Career Growth');
    await newProgram.getByRole('textbox', { name: 'CE credits per hour' }).fill('0.5');
    await newProgram.getByRole('button', { name: 'Create program' }).click();
    const program = page.getByRole('article', { name: 'Career Growth' });
    await program.getByText('0.5 CE credits per confirmed hour · members only').waitFor();

    const newCohort = program.getByRole('form', { name: 'New cohort in Career Growth' });
    await newCohort.getByRole('textbox', { name: 'Cohort name' }).fill('Autumn 2027');
    await newCohort.getByLabel(/^Starts/).fill(day(-1));
    await newCohort.getByLabel(/^Ends/).fill(day(90));
    await newCohort.getByRole('button', { name: 'Add cohort to Career Growth' }).click();
    await program.getByRole('link', { name: 'Autumn 2027' }).waitFor();
    await expectAccessible(page, 'mentoring programs with a cohort');
    const [cohortRow] = await portal.t.sql(`SELECT c.id, c.status FROM mentoring_cohorts c JOIN mentoring_programs p ON p.id = c.program_id WHERE p.name = 'Career Growth'`);
    expect(cohortRow.status).toBe('DRAFT');
    const cohortId: string = cohortRow.id;

    // The cohort: matching settings, then open applications.
    await program.getByRole('link', { name: 'Autumn 2027' }).click();
    await page.getByRole('heading', { level: 1, name: 'Autumn 2027' }).waitFor();
    await page.getByText('Program: Career Growth').waitFor();
    await page.getByRole('checkbox', { name: 'Never pair people with the same employer' }).uncheck();
    await page.getByRole('textbox', { name: 'Mentor needs at least this many more years' }).fill('0');
    await page.getByRole('button', { name: 'Save matching settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Matching settings saved.' }).waitFor();
    expect(await portal.t.sql(`SELECT forbid_same_employer, min_experience_gap_years FROM mentoring_cohorts WHERE id = $1`, [cohortId])).toEqual([
      { forbid_same_employer: false, min_experience_gap_years: 0 },
    ]);
    await page.getByRole('button', { name: 'Open applications' }).click();
    await page.getByRole('button', { name: 'Close applications' }).waitFor();
    await expectAccessible(page, 'mentoring cohort');

    // Members apply (API factories): two mentors, three mentees.
    const ada = await signUpMember(portal.t, tierId, 'Ada Lovelace');
    const grace = await signUpMember(portal.t, tierId, 'Grace Hopper');
    const alan = await signUpMember(portal.t, tierId, 'Alan Turing');
    const kate = await signUpMember(portal.t, tierId, 'Katherine Johnson');
    const mallory = await signUpMember(portal.t, tierId, 'Mallory Mentee');
    await applyOk(portal.t, ada, cohortId, { role: 'MENTOR', topics: ['audit'] });
    await applyOk(portal.t, grace, cohortId, { role: 'MENTOR', topics: ['tax'] });
    await applyOk(portal.t, alan, cohortId, { role: 'MENTEE', topics: ['audit'], goals: 'Lead an audit team' });
    await applyOk(portal.t, kate, cohortId, { role: 'MENTEE', topics: ['tax'] });
    const malloryApplication = await applyOk(portal.t, mallory, cohortId, { role: 'MENTEE', topics: ['sales'] });

    // The applications queue: filter by role, accept, decline with a reason.
    const cohortPages = page.getByRole('navigation', { name: 'Pages of Autumn 2027' });
    await cohortPages.getByRole('link', { name: 'Applications' }).click();
    await page.getByRole('heading', { level: 1, name: 'Applications: Autumn 2027' }).waitFor();
    await page.getByText('5 applications').waitFor();
    await expectAccessible(page, 'mentoring applications');
    await page.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Mentee', exact: true }).click();
    await page.getByText('3 applications').waitFor();
    expect(new URL(page.url()).searchParams.get('role')).toBe('MENTEE');
    for (const name of ['Alan Turing', 'Katherine Johnson']) {
      await page.getByRole('button', { name: `Accept ${name} as Mentee` }).click();
      await page.getByRole('row', { name: new RegExp(name) }).getByText('Accepted').waitFor();
    }
    await page.getByRole('button', { name: 'Decline Mallory Mentee as Mentee' }).click();
    const dialog = page.getByRole('dialog', { name: 'Decline Mallory Mentee as Mentee' });
    await dialog.getByRole('button', { name: 'Decline application' }).click();
    await dialog.getByText('Say why, for the applicant').waitFor();
    await expectAccessible(page, 'decline a mentoring application');
    await dialog.getByRole('textbox', { name: /Reason for declining/ }).fill('We have no mentor for sales this time');
    await dialog.getByRole('button', { name: 'Decline application' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('row', { name: /Mallory Mentee/ }).getByText('We have no mentor for sales this time').waitFor();
    await page.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Mentor', exact: true }).click();
    await page.getByText('2 applications').waitFor();
    for (const name of ['Ada Lovelace', 'Grace Hopper']) {
      await page.getByRole('button', { name: `Accept ${name} as Mentor` }).click();
      await page.getByRole('row', { name: new RegExp(name) }).getByText('Accepted').waitFor();
    }
    expect(await portal.t.sql(`SELECT status, review_reason FROM mentoring_applications WHERE id = $1`, [malloryApplication])).toEqual([
      { status: 'DECLINED', review_reason: 'We have no mentor for sales this time' },
    ]);
    expect((await portal.t.sql(`SELECT count(*)::int AS n FROM mentoring_applications WHERE cohort_id = $1 AND status = 'APPROVED'`, [cohortId]))[0].n).toBe(4);

    // Close applications, then the matching board.
    await cohortPages.getByRole('link', { name: 'Cohort', exact: true }).click();
    await page.getByRole('button', { name: 'Close applications' }).click();
    await page.getByText('Applications are closed: review them').waitFor();
    await cohortPages.getByRole('link', { name: 'Matching board' }).click();
    await page.getByRole('heading', { level: 1, name: 'Matching board: Autumn 2027' }).waitFor();
    await expectAccessible(page, 'matching board (before a run)');
    await page.getByRole('button', { name: 'Run matching' }).click();
    const pairs = page.getByRole('table', { name: 'Each proposed pair with its score and how the score adds up' });
    await pairs.getByRole('button', { name: 'Lock Ada Lovelace and Alan Turing', exact: true }).waitFor();
    await pairs.getByRole('button', { name: 'Lock Grace Hopper and Katherine Johnson', exact: true }).waitFor();
    expect(await pairs.getByRole('columnheader').allTextContents()).toEqual(['Mentor', 'Mentee', 'Score', 'How the score adds up', 'State', 'Actions']);
    const breakdown = pairs.getByRole('list', { name: 'Score of Ada Lovelace and Alan Turing' });
    expect(await breakdown.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
    expect(await breakdown.textContent()).toContain('topics: ');
    await page.getByText('Everyone approved has a pair.').waitFor();
    await expectAccessible(page, 'matching board with a proposal');

    await pairs.getByRole('button', { name: 'Lock Ada Lovelace and Alan Turing', exact: true }).click();
    await pairs.getByRole('button', { name: 'Unlock Ada Lovelace and Alan Turing' }).waitFor();
    await pairs.getByRole('row', { name: /Ada Lovelace/ }).getByText('Locked').waitFor();
    await pairs.getByRole('button', { name: 'Exclude Grace Hopper and Katherine Johnson' }).click();
    const excluded = page.getByRole('table', { name: 'Pairs ruled out: never proposed until unlocked' });
    await excluded.getByRole('button', { name: 'Unlock Grace Hopper and Katherine Johnson' }).waitFor();
    const unmatched = page.getByRole('table', { name: 'Approved applicants without a pair, and why' });
    await unmatched.getByRole('rowheader', { name: 'Katherine Johnson' }).waitFor();
    expect(await pairs.getByRole('button', { name: 'Lock Grace Hopper and Katherine Johnson', exact: true }).count()).toBe(0);

    // Re-run: the locked pair stays, the excluded pair is not proposed again.
    await answerTo(page, 'proposeMatches', () => page.getByRole('button', { name: 'Run matching again' }).click());
    await pairs.getByRole('button', { name: 'Unlock Ada Lovelace and Alan Turing' }).waitFor();
    expect(await pairs.getByRole('row').count()).toBe(2);
    expect(await pairs.getByRole('button', { name: /Grace Hopper and Katherine Johnson/ }).count()).toBe(0);
    await excluded.getByRole('button', { name: 'Unlock Grace Hopper and Katherine Johnson' }).waitFor();

    // Unlock the exclusion: the pair comes back.
    await excluded.getByRole('button', { name: 'Unlock Grace Hopper and Katherine Johnson' }).click();
    await pairs.getByRole('button', { name: 'Lock Grace Hopper and Katherine Johnson', exact: true }).waitFor();
    await page.getByText('No pair is excluded.').waitFor();

    // Publish, after a confirmation.
    await page.getByRole('button', { name: 'Publish pairs' }).click();
    const confirm = page.getByRole('dialog', { name: 'Publish these pairs?' });
    await confirm.getByText(/2 pairs become real/).waitFor();
    await expectAccessible(page, 'publish confirmation');
    await confirm.getByRole('button', { name: 'Publish 2 pairs' }).click();
    await page.getByRole('status').filter({ hasText: '2 pairs are published and everyone was told.' }).waitFor();
    const published = await portal.t.sql(
      `SELECT u1.full_name AS mentor, u2.full_name AS mentee, p.locked FROM mentoring_pairs p JOIN users u1 ON u1.id = p.mentor_user_id JOIN users u2 ON u2.id = p.mentee_user_id WHERE p.cohort_id = $1 ORDER BY u1.full_name`,
      [cohortId],
    );
    expect(published).toEqual([
      { mentor: 'Ada Lovelace', mentee: 'Alan Turing', locked: true },
      { mentor: 'Grace Hopper', mentee: 'Katherine Johnson', locked: false },
    ]);

    // The mentee sees the pair on /mentoring.
    const menteePage = await portal.newPortalPage();
    await logInThroughPage(menteePage, alan, 'Alan Turing', '/mentoring');
    await menteePage.getByRole('article', { name: 'Mentored by Ada Lovelace' }).waitFor();

    // A check-in and a rating, then the report.
    const [adaPair] = await portal.t.sql(`SELECT id FROM mentoring_pairs WHERE cohort_id = $1 AND mentee_user_id = $2`, [cohortId, alan.id]);
    await portal.t.sql(`UPDATE mentoring_pairs SET started_at = now() - interval '2 days', created_at = now() - interval '2 days' WHERE cohort_id = $1`, [cohortId]);
    const logged = await portal.t.gql(`mutation($id: ID!, $at: DateTime!) { logCheckIn(pairId: $id, input: { happenedAt: $at, durationMinutes: 40 }) { id } }`, { id: adaPair.id, at: new Date(Date.now() - 3_600_000).toISOString() }, alan.accessToken);
    expect(logged.errors).toBeUndefined();
    const rated = await portal.t.gql(`mutation($id: ID!) { submitPairFeedback(pairId: $id, rating: 4, goodFit: true) }`, { id: adaPair.id }, alan.accessToken);
    expect(rated.errors).toBeUndefined();

    await page.getByRole('link', { name: 'Open the cohort report' }).click();
    await page.getByRole('heading', { level: 1, name: 'Report: Autumn 2027' }).waitFor();
    const byStatus = page.getByRole('table', { name: 'How many pairs are in each status' });
    expect(await byStatus.getByRole('row', { name: /Active/ }).getByRole('cell').allTextContents()).toEqual(['2']);
    const perPair = page.getByRole('table', { name: /Every pair with its check-ins and ratings/ });
    expect(await perPair.getByRole('row', { name: /Ada Lovelace and Alan Turing/ }).getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining(['Active', '1', '0', '4 of 5 (1 rating)']),
    );
    expect(await perPair.getByRole('row', { name: /Grace Hopper and Katherine Johnson/ }).getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining(['Never', 'No ratings yet']),
    );
    await page.getByText('from 1 rating').waitFor();
    await expectAccessible(page, 'cohort report');
    expect(problems.filter((p) => !p.includes('400'))).toEqual([]);
  });

  it('pages the applications queue 20 at a time, with the filter and the page in the address', async () => {
    const programId = await createProgram(portal.t, admin, { name: 'Big program' });
    const cohortId = await createCohort(portal.t, admin, programId, { name: 'Crowded cohort', open: true });
    for (let i = 1; i <= 21; i += 1) {
      const applicant = await signUpUser(portal.t, { fullName: `Applicant ${String(i).padStart(2, '0')}` });
      await applyOk(portal.t, applicant, cohortId, { role: i === 21 ? 'MENTOR' : 'MENTEE' });
    }
    const coordinator = await signUpUser(portal.t, { fullName: 'Paging Coordinator' });
    await portal.t.gql(GRANT, { id: coordinator.id, p: ['MENTORING_COORDINATOR'] }, admin.accessToken);
    const page = await portal.newPortalPage();
    await logInThroughPage(page, coordinator, 'Paging Coordinator', `/staff/mentoring/cohorts/${cohortId}/applications`);
    await page.getByRole('heading', { level: 1, name: 'Applications: Crowded cohort' }).waitFor();
    await page.getByText('21 applications').waitFor();
    const table = page.getByRole('table', { name: 'Applications, oldest first' });
    expect(await table.getByRole('row').count()).toBe(21);
    await table.getByRole('rowheader', { name: /Applicant 01/ }).waitFor();
    await page.getByRole('button', { name: 'Next page' }).click();
    await table.getByRole('rowheader', { name: /Applicant 21/ }).waitFor();
    expect(await table.getByRole('row').count()).toBe(2);
    expect(new URL(page.url()).searchParams.get('after')).toBeTruthy();
    await expectAccessible(page, 'mentoring applications, second page');
    await page.getByRole('button', { name: 'Previous page' }).click();
    await table.getByRole('rowheader', { name: /Applicant 01/ }).waitFor();
    await page.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Mentor', exact: true }).click();
    await page.getByText('1 application', { exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('after')).toBeNull();
    expect(await table.getByRole('row').count()).toBe(2);
  });

  it('a FINANCE user sees no mentoring section and is refused its pages', async () => {
    const programId = await createProgram(portal.t, admin, { name: 'Hidden program' });
    const cohortId = await createCohort(portal.t, admin, programId, { name: 'Hidden cohort', open: true });
    const finance = await signUpUser(portal.t, { fullName: 'Fin Ance' });
    await portal.t.gql(GRANT, { id: finance.id, p: ['FINANCE'] }, admin.accessToken);
    const page = await portal.newPortalPage();
    await logInThroughPage(page, finance, 'Fin Ance', '/staff');
    await page.getByRole('heading', { level: 1, name: 'Staff console' }).waitFor();
    expect(await page.getByRole('region', { name: 'Mentoring' }).count()).toBe(0);
    for (const path of ['/staff/mentoring', `/staff/mentoring/cohorts/${cohortId}`, `/staff/mentoring/cohorts/${cohortId}/applications`, `/staff/mentoring/cohorts/${cohortId}/matching`, `/staff/mentoring/cohorts/${cohortId}/report`]) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    }
    expect(await page.getByText('Hidden cohort').count()).toBe(0);
    await expectAccessible(page, 'mentoring console refused to FINANCE');
    // The API refuses too, whatever the portal shows.
    const refused = await portal.t.gql(`mutation($id: ID!) { proposeMatches(cohortId: $id) { totalScore } }`, { id: cohortId }, finance.accessToken);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
