/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { collectProblems, createAdminUser, expectAccessible, logInThroughPage, signUpUser, startPortal, type Portal, type TestUser } from './support/index.js';

const GRANT = `mutation($id: ID!, $p: [StaffPermission!]!) { setStaffPermissions(userId: $id, permissions: $p) { id } }`;

describe('portal: the audit log', () => {
  let portal: Portal;
  let admin: TestUser;
  beforeAll(async () => {
    portal = await startPortal();
    admin = await createAdminUser(portal.t);
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('an ADMIN filters the log by action and target and pages through it, on a desktop and a phone', async () => {
    const target = await signUpUser(portal.t, { fullName: 'Often Changed' });
    for (let i = 0; i < 21; i++) await portal.t.gql(GRANT, { id: target.id, p: [i % 2 ? 'FINANCE' : 'CHECK_IN'] }, admin.accessToken);
    const [{ n }] = await portal.t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'user.setStaffPermissions' AND target_id = $1`, [target.id]);
    expect(n).toBeGreaterThan(20);
    const lead = await signUpUser(portal.t, { fullName: 'Lead Admin' });
    await portal.t.gql(`mutation($id: ID!) { setUserRole(userId: $id, role: ADMIN) { id } }`, { id: lead.id }, admin.accessToken);

    const page = await portal.newPortalPage();
    const problems = collectProblems(page);
    await logInThroughPage(page, lead, 'Lead Admin');
    await page.goto('/staff');
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page.getByRole('table').waitFor();
    await expectAccessible(page, 'audit log');

    await page.getByRole('textbox', { name: 'Action' }).fill('user.setStaffPermissions');
    await page.getByRole('textbox', { name: 'Target ID' }).fill(target.id);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText(`${n} entries`, { exact: true }).waitFor();
    const rows = page.getByRole('table').getByRole('row');
    expect(await rows.count()).toBe(21);
    expect(await rows.filter({ hasText: 'user.setStaffPermissions' }).count()).toBe(20);
    expect(await page.getByRole('button', { name: 'Previous page' }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Next page' }).click();
    await page.waitForURL(/after=/);
    await rows.nth(n - 20 + 1).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(n - 20 + 1);
    expect(await page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(n <= 40);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await rows.nth(20).waitFor();
    expect(await rows.count()).toBe(21);
    expect(new URL(page.url()).searchParams.get('action')).toBe('user.setStaffPermissions');
    expect(problems).toEqual([]);

    const phone = await portal.newPortalPage({ viewport: 'phone' });
    await logInThroughPage(phone, lead, 'Lead Admin');
    await phone.goto(`/staff/audit?action=nothing.ever`);
    await phone.getByText('No entries match.').waitFor();
    expect(await phone.getByRole('textbox', { name: 'Action' }).inputValue()).toBe('nothing.ever');
    await expectAccessible(phone, 'audit log (phone)');
  });

  it('staff with every staff permission but not ADMIN see no audit log', async () => {
    const manager = await signUpUser(portal.t, { fullName: 'Not Admin' });
    await portal.t.gql(GRANT, { id: manager.id, p: ['MEMBERSHIP_MANAGER', 'FINANCE', 'EVENT_MANAGER', 'CHECK_IN', 'MENTORING_COORDINATOR', 'COMMUNITY_MANAGER'] }, admin.accessToken);
    const page = await portal.newPortalPage();
    await logInThroughPage(page, manager, 'Not Admin');
    await page.goto('/staff');
    await page.getByRole('link', { name: 'Reports' }).waitFor();
    expect(await page.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await page.goto('/staff/audit');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  });
});
