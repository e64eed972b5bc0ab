/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import type { Locator } from 'playwright-core';
import { applyFor, collectProblems, createAdminUser, createTier, expectAccessible, logInThroughPage, signUpUser, startPortal, type Portal, type TestUser } from './support/index.js';

const GRANT = `mutation($id: ID!, $p: [StaffPermission!]!) { setStaffPermissions(userId: $id, permissions: $p) { id } }`;

/** The value in a report table's row for `period` under the column headed `series`. */
async function cell(table: Locator, period: string, series: string): Promise<string> {
  const headers = await table.getByRole('columnheader').allTextContents();
  const column = headers.indexOf(series);
  if (column < 1) throw new Error(`No column ${series} in ${headers.join(', ')}`);
  const row = table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: period, exact: true }) });
  return (await row.getByRole('cell').nth(column - 1).textContent()) ?? '';
}

describe('portal: staff reports', () => {
  let portal: Portal;
  let admin: TestUser;
  beforeAll(async () => {
    portal = await startPortal();
    admin = await createAdminUser(portal.t);
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('a MEMBERSHIP_MANAGER reads the membership reports over a chosen period, as chart, table and CSV, and no others', async () => {
    const tierId = await createTier(portal.t, admin, { name: 'Associate' });
    const joiner = await signUpUser(portal.t, { fullName: 'Jo Joiner' });
    const applied = await applyFor(portal.t, joiner, tierId);
    expect(applied.data?.applyForMembership.status).toBe('ACTIVE');
    const manager = await signUpUser(portal.t, { fullName: 'Report Reader' });
    await portal.t.gql(GRANT, { id: manager.id, p: ['MEMBERSHIP_MANAGER'] }, admin.accessToken);
    const thisMonth = new Date().toISOString().slice(0, 7);

    const page = await portal.newPortalPage();
    const problems = collectProblems(page);
    await logInThroughPage(page, manager, 'Report Reader');
    await page.goto('/staff');
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    const byStatus = page.getByRole('region', { name: 'Members by status over time' });
    const joins = page.getByRole('region', { name: 'Joins and lapses per month' });
    await byStatus.getByRole('table').waitFor();
    await joins.getByRole('table').waitFor();
    expect(await page.getByRole('region', { name: 'Dues collected per month by tier' }).count()).toBe(0);
    expect(await byStatus.getByRole('img').count()).toBe(1);
    expect(await byStatus.getByRole('table').getByRole('rowheader').count()).toBe(12);
    expect(await cell(byStatus.getByRole('table'), thisMonth, 'ACTIVE')).toBe('1');
    expect(await cell(joins.getByRole('table'), thisMonth, 'joins')).toBe('1');
    await expectAccessible(page, 'reports (MEMBERSHIP_MANAGER)');

    await page.getByRole('combobox', { name: 'Period' }).click();
    await page.getByRole('option', { name: 'Last 6 months' }).click();
    await page.waitForURL(/period=last6Months/);
    await byStatus.getByRole('table').getByRole('rowheader').nth(6).waitFor({ state: 'detached' });
    expect(await byStatus.getByRole('table').getByRole('rowheader').count()).toBe(6);

    const downloading = page.waitForEvent('download');
    await byStatus.getByRole('button', { name: 'Download CSV of Members by status over time' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^members-by-status-\d{4}-\d{2}-01-\d{4}-\d{2}-01\.csv$/);
    const csv = (await readFile((await download.path())!, 'utf8')).trim().split('\n');
    expect(csv[0]).toBe('period,series,value');
    expect(csv).toContain(`${thisMonth},ACTIVE,1`);
    expect(new Set(csv.slice(1).map((line) => line.split(',')[0])).size).toBe(6);
    expect(problems).toEqual([]);
  });

  it('a FINANCE person sees only the dues report on a phone; a CHECK_IN volunteer does not find the page', async () => {
    const finance = await signUpUser(portal.t, { fullName: 'Fin Ance' });
    await portal.t.gql(GRANT, { id: finance.id, p: ['FINANCE'] }, admin.accessToken);
    const page = await portal.newPortalPage({ viewport: 'phone' });
    await logInThroughPage(page, finance, 'Fin Ance');
    await page.goto('/staff/reports?period=thisYear');
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    const dues = page.getByRole('region', { name: 'Dues collected per month by tier' });
    await dues.getByRole('button', { name: /^Download CSV/ }).waitFor();
    expect(await page.getByRole('region').filter({ has: page.getByRole('heading', { level: 2 }) }).count()).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Period' }).inputValue()).toBe('This year');
    await expectAccessible(page, 'reports (FINANCE, phone)');

    const door = await signUpUser(portal.t, { fullName: 'Door Only' });
    await portal.t.gql(GRANT, { id: door.id, p: ['CHECK_IN'] }, admin.accessToken);
    const doorPage = await portal.newPortalPage({ viewport: 'phone' });
    await logInThroughPage(doorPage, door, 'Door Only');
    await doorPage.goto('/staff/reports');
    await doorPage.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  });
});
