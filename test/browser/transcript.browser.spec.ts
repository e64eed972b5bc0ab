/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createEvent, DAY, register } from '../factories/events.js';
import { pdfText } from '../utils/pdf-text.js';
import { captureScreenshot, collectProblems, createAdminUser, expectAccessible, logInThroughPage, signUpUser, startPortal, type Portal, type TestUser } from './support/index.js';

const CHECK_IN = `mutation($id: ID!) { checkIn(registrationId: $id) { id creditsEarned } }`;

describe('portal: the CE transcript', () => {
  let portal: Portal;
  let member: TestUser;
  beforeAll(async () => {
    portal = await startPortal();
    const admin = await createAdminUser(portal.t);
    member = await signUpUser(portal.t, { fullName: 'Transcript Holder' });
    // Two attended events, then moved into the past (credits count from the session's start, up to now).
    for (const [title, credits, category, daysAgo] of [['Ethics refresher', 2, 'Ethics', 70], ['Tax law update', 1.5, 'Law', 10]] as const) {
      const eventId = await createEvent(portal.t, admin, { title, ceCredits: credits, ceCategory: category });
      const registrationId = (await register(portal.t, member, eventId)).data!.registerForEvent.id;
      expect((await portal.t.gql(CHECK_IN, { id: registrationId }, admin.accessToken)).data!.checkIn.creditsEarned).toBe(credits);
      const shift = `${daysAgo * DAY + 20 * DAY} milliseconds`;
      await portal.t.sql(`UPDATE event_sessions SET starts_at = starts_at - $2::interval, ends_at = ends_at - $2::interval WHERE event_id = $1`, [eventId, shift]);
      await portal.t.sql(`UPDATE events SET starts_at = starts_at - $2::interval, ends_at = ends_at - $2::interval WHERE id = $1`, [eventId, shift]);
    }
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('shows the total, the credits by category, a chart over time and each activity, and downloads the PDF', async () => {
    const page = await portal.newPortalPage();
    const problems = collectProblems(page);
    await logInThroughPage(page, member, 'Transcript Holder', '/transcript');
    await page.getByRole('heading', { level: 1, name: 'My CE transcript' }).waitFor();
    await page.getByText('3.5 credits in total').waitFor();

    const categories = page.getByRole('region', { name: 'By category' });
    expect(await categories.getByRole('row').allInnerTexts()).toEqual(['Category\tCredits', 'Ethics\t2', 'Law\t1.5']);
    const chart = page.getByRole('img', { name: /Bar chart of credits per month/ });
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toContain('the most, 2, in');
    const activities = page.getByRole('region', { name: 'Activities' });
    expect(await activities.getByRole('cell', { name: 'Tax law update' }).isVisible()).toBe(true);
    expect(await activities.getByRole('cell', { name: 'Ethics refresher' }).isVisible()).toBe(true);
    await expectAccessible(page, 'transcript');
    await captureScreenshot(page, 'transcript-desktop');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download as PDF' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('transcript.pdf');
    const text = pdfText(await readFile((await download.path())!));
    expect(text).toContain('Transcript Holder');
    expect(text).toContain('Total credits: 3.5');
    expect(text).toContain('Ethics: 2 credits');
    expect(problems).toEqual([]);
  });

  it('narrows to a period kept in the address; the PDF covers the same period', async () => {
    const page = await portal.newPortalPage();
    const problems = collectProblems(page);
    await logInThroughPage(page, member, 'Transcript Holder', '/transcript');
    await page.getByText('3.5 credits in total').waitFor();
    // From 45 days ago: the Ethics refresher (about 90 days ago) falls outside, the tax update (about 30) inside.
    const from = new Date(Date.now() - 45 * DAY);
    const day = `${from.getFullYear()}-${String(from.getMonth() + 1).padStart(2, '0')}-${String(from.getDate()).padStart(2, '0')}`;
    await page.getByLabel('From', { exact: true }).fill(day);
    await page.getByText('1.5 credits in this period').waitFor();
    expect(new URL(page.url()).searchParams.get('from')).toBe(day);
    const activities = page.getByRole('region', { name: 'Activities' });
    await activities.getByRole('cell', { name: 'Tax law update' }).waitFor();
    expect(await activities.getByRole('cell', { name: 'Ethics refresher' }).count()).toBe(0);
    await expectAccessible(page, 'transcript, a period');
    await captureScreenshot(page, 'transcript-period-desktop');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download as PDF' }).click();
    const text = pdfText(await readFile((await (await downloading).path())!));
    expect(text).toContain('Total credits: 1.5');
    expect(text).not.toContain('Ethics refresher');

    // The address carries the period: a reload shows the same.
    await page.reload();
    await page.getByText('1.5 credits in this period').waitFor();
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe(day);
    // A period with nothing in it says so; an end before the start is said beside the field, and no total is shown.
    await page.getByLabel('From', { exact: true }).fill('2000-01-01');
    await page.getByLabel('To', { exact: true }).fill('2000-12-31');
    await page.getByText('No credits in this period.').waitFor();
    await page.getByText('0 credits in this period').waitFor();
    await page.getByLabel('To', { exact: true }).fill('1999-12-31');
    await page.getByText('The end comes before the start').waitFor();
    expect(await page.getByText(/credits in this period/).count()).toBe(0);
    await page.getByRole('button', { name: 'Show all time' }).click();
    await page.getByText('3.5 credits in total').waitFor();
    expect(new URL(page.url()).search).toBe('');
    expect(problems).toEqual([]);
  });

  it('works at phone size, and a member without credits sees an empty state', async () => {
    const newcomer = await signUpUser(portal.t, { fullName: 'No Credits Yet' });
    const page = await portal.newPortalPage({ viewport: 'phone' });
    await logInThroughPage(page, newcomer, 'No Credits Yet', '/transcript');
    await page.getByText('No credits yet.').waitFor();
    expect(await page.getByText('0 credits in total').isVisible()).toBe(true);
    await expectAccessible(page, 'transcript, empty (phone)');
    await captureScreenshot(page, 'transcript-phone');
  });
});
