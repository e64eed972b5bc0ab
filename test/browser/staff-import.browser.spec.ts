/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { collectProblems, createAdminUser, createTier, expectAccessible, logInThroughPage, signUpUser, startPortal, type Portal, type TestUser } from './support/index.js';

const GRANT = `mutation($id: ID!, $p: [StaffPermission!]!) { setStaffPermissions(userId: $id, permissions: $p) { id } }`;
const HEADER = 'email,full_name,tier,status,current_period_end,joined_at';
const DAY = 86_400_000;
const inDays = (days: number) => new Date(Math.floor(Date.now() / DAY) * DAY + days * DAY).toISOString();

async function chooseFile(page: Page, name: string, text: string): Promise<void> {
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^CSV file/ }).click();
  await (await choosing).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

describe('portal: members CSV import', () => {
  let portal: Portal;
  let admin: TestUser;
  beforeAll(async () => {
    portal = await startPortal();
    admin = await createAdminUser(portal.t);
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('a MEMBERSHIP_MANAGER on a phone sees a bad file row by row with nothing written, then imports a good one', async () => {
    await createTier(portal.t, admin, { name: 'Professional' });
    const manager = await signUpUser(portal.t, { fullName: 'Import Manager' });
    await portal.t.gql(GRANT, { id: manager.id, p: ['MEMBERSHIP_MANAGER'] }, admin.accessToken);
    const emails = ['ann.import@example.org', 'bob.import@example.org'];
    const bad = `${HEADER}\n${emails[0]},Ann Import,Professional,ACTIVE,${inDays(100)},${inDays(-10)}\n${emails[1]},Bob Import,Nonesuch,ACTIVE,${inDays(100)},${inDays(-10)}\n`;
    const good = bad.replace('Nonesuch', 'Professional');
    const imported = async () => (await portal.t.sql(`SELECT count(*)::int AS n FROM users u JOIN memberships m ON m.user_id = u.id WHERE u.email = ANY($1)`, [emails]))[0].n;

    const page = await portal.newPortalPage({ viewport: 'phone' });
    const problems = collectProblems(page);
    await logInThroughPage(page, manager, 'Import Manager');
    await page.goto('/staff');
    await page.getByRole('link', { name: 'Import members' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import members' }).waitFor();
    expect(await page.getByRole('button', { name: 'Check the file' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'import (phone)');

    await chooseFile(page, 'bad.csv', bad);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('alert').filter({ hasText: 'Nothing was written.' }).waitFor();
    const errors = page.getByRole('table', { name: 'Problems in the file' });
    const row = errors.getByRole('row').filter({ hasText: 'Nonesuch' });
    expect(await row.getByRole('cell').allTextContents()).toEqual(['3', 'tier', expect.stringContaining('Nonesuch')]);
    expect(await page.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
    await expectAccessible(page, 'import with a bad file (phone)');
    expect(await imported()).toBe(0);

    await chooseFile(page, 'good.csv', good);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('status').filter({ hasText: 'The file is ready to import' }).getByText(/Memberships created: 2,.*New accounts: 2\./).waitFor();
    expect(await imported()).toBe(0);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Imported' }).getByText(/Memberships created: 2,/).waitFor();
    expect(await imported()).toBe(2);
    // The API answers the bad file's check with 400 and its report; the browser logs that status, nothing else.
    expect(problems).toEqual(['console error: Failed to load resource: the server responded with a status of 400 (Bad Request)']);
  });

  it('staff without MEMBERSHIP_MANAGER do not find it', async () => {
    const finance = await signUpUser(portal.t, { fullName: 'Finance Only' });
    await portal.t.gql(GRANT, { id: finance.id, p: ['FINANCE'] }, admin.accessToken);
    const page = await portal.newPortalPage();
    await logInThroughPage(page, finance, 'Finance Only');
    await page.goto('/staff/import');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  });
});
