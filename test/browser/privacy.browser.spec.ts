/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { linkSentTo } from '../factories/account-flows.js';
import { collectProblems, expectAccessible, logIn, logInThroughPage, signUpUser, startPortal, type Portal } from './support/index.js';

const MY_EXPORTS = `{ myDataExports { id status downloadUrl } }`;

describe('portal: privacy (data export and erasure)', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.close();
  }, 180_000);

  it('requests an export, downloads it once, and the link then fails', async () => {
    const user = await signUpUser(portal.t, { fullName: 'Exporting Member' });
    const page = await portal.newPortalPage();
    const problems = collectProblems(page);
    await logInThroughPage(page, user, 'Exporting Member', '/account');
    await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
    await page.getByRole('link', { name: 'Export your data or erase your account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Privacy' }).waitFor();
    await page.getByText('You have not asked for an export yet.').waitFor();
    await expectAccessible(page, 'privacy');

    await page.getByRole('button', { name: 'Request my data export' }).click();
    await page.getByText('Your export is being prepared.').waitFor();
    const exports = page.getByRole('list', { name: 'My data exports' });
    await exports.getByText('Being prepared', { exact: true }).waitFor();

    // The archive is built by the job runner; the page shows it ready after a refresh.
    await portal.t.runJobs();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await exports.getByText('Ready', { exact: true }).waitFor();
    const [ready] = (await portal.t.gql(MY_EXPORTS, {}, user.accessToken)).data!.myDataExports;
    expect(ready.status).toBe('READY');
    await expectAccessible(page, 'privacy with a ready export');

    const downloading = page.waitForEvent('download');
    await exports.getByRole('button', { name: /^Download the export requested/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`guildhall-data-${ready.id}.zip`);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(path);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // a ZIP

    // Used once: the page no longer offers it, and the link answers 404 even to its owner.
    await exports.getByText('Expired or downloaded', { exact: true }).waitFor();
    expect(await exports.getByRole('button', { name: /^Download/ }).count()).toBe(0);
    const again = await fetch(`${portal.url}${new URL(ready.downloadUrl).pathname}`, { headers: { authorization: `Bearer ${user.accessToken}` } });
    expect(again.status).toBe(404);
    expect(problems).toEqual([]);
  }, 180_000);

  it('requests erasure at phone size, confirms it from the emailed link, and is signed out', async () => {
    const user = await signUpUser(portal.t, { fullName: 'Leaving Member' });
    const page = await portal.newPortalPage({ viewport: 'phone' });
    await logInThroughPage(page, user, 'Leaving Member', '/privacy');
    await page.getByRole('heading', { level: 1, name: 'Privacy' }).waitFor();
    await page.getByText(/Financial records .* are kept, as the law requires/).waitFor();
    const request = page.getByRole('button', { name: 'Request erasure of my account' });
    expect(await request.isDisabled()).toBe(true);
    await page.getByLabel('I understand that erasing my account cannot be undone').check();
    await request.click();
    await page.getByText('We have emailed you a link to confirm the erasure.').waitFor();
    await expectAccessible(page, 'privacy, erasure requested (phone)');
    // Nothing is erased until the link is used.
    expect((await portal.t.sql(`SELECT email FROM users WHERE id = $1`, [user.id]))[0].email).toBe(user.email);

    const { token } = await linkSentTo(portal.t, user.email, 'account-erasure-confirm');
    await page.goto(`/confirm-erasure?token=${token}`);
    await page.getByRole('heading', { level: 1, name: 'Erase your account' }).waitFor();
    await expectAccessible(page, 'confirm erasure (phone)');
    await page.getByRole('button', { name: 'Erase my account now' }).click();
    await page.getByText('Your account has been erased and you have been signed out.').waitFor();
    // Signed out here, and after a reload (every session of the account ended).
    expect(await page.getByRole('button', { name: 'Leaving Member' }).count()).toBe(0);
    await page.goto('/account');
    await page.waitForURL(/\/login\?next=%2Faccount/);
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    const [row] = await portal.t.sql(`SELECT email, full_name FROM users WHERE id = $1`, [user.id]);
    expect(row.email).not.toBe(user.email);
    expect(row.full_name).not.toBe('Leaving Member');
    await expect(logIn(portal.t, user.email, user.password)).rejects.toThrow();

    // The link works once: used again, the page says so.
    await page.goto(`/confirm-erasure?token=${token}`);
    await page.getByRole('button', { name: 'Erase my account now' }).click();
    await page.getByRole('alert').filter({ hasText: 'is not a live erasure link' }).waitFor();
  }, 180_000);
});
