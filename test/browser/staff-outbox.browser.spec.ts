/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { collectProblems, createAdminUser, expectAccessible, logInThroughPage, signUpUser, startPortal, type Portal, type TestUser } from './support/index.js';

describe('portal: outgoing mail', () => {
  let portal: Portal;
  let admin: TestUser;
  beforeAll(async () => {
    portal = await startPortal();
    admin = await createAdminUser(portal.t);
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('an ADMIN filters the outbox by recipient and template and pages through it, on a desktop and a phone', async () => {
    const people: TestUser[] = [];
    for (let i = 0; i < 21; i++) people.push(await signUpUser(portal.t, { fullName: `Newcomer ${i}` }));
    const first = people[0]!;
    const [mine] = await portal.t.sql(`SELECT template, subject FROM outbox_messages WHERE to_address = $1 ORDER BY created_at LIMIT 1`, [first.email]);
    expect(mine).toBeDefined();
    const lead = await signUpUser(portal.t, { fullName: 'Mail Admin' });
    await portal.t.gql(`mutation($id: ID!) { setUserRole(userId: $id, role: ADMIN) { id } }`, { id: lead.id }, admin.accessToken);
    const [{ n }] = await portal.t.sql(`SELECT count(*)::int AS n FROM outbox_messages WHERE template = $1`, [mine.template]);
    expect(n).toBeGreaterThan(20);

    const page = await portal.newPortalPage();
    const problems = collectProblems(page);
    await logInThroughPage(page, lead, 'Mail Admin');
    await page.goto('/staff');
    await page.getByRole('link', { name: 'Outgoing mail' }).click();
    await page.getByRole('heading', { level: 1, name: 'Outgoing mail' }).waitFor();
    await page.getByRole('table').waitFor();
    await expectAccessible(page, 'outgoing mail');

    await page.getByRole('textbox', { name: 'To (address)' }).fill(first.email);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const rows = page.getByRole('table').getByRole('row');
    await page.waitForURL(/to=/);
    await rows.filter({ hasText: first.email }).first().waitFor();
    expect(await rows.filter({ hasText: mine.subject }).count()).toBeGreaterThan(0);
    expect(await rows.filter({ hasNotText: first.email }).count()).toBe(1);

    await page.getByRole('textbox', { name: 'To (address)' }).fill('');
    await page.getByRole('textbox', { name: 'Template' }).fill(mine.template);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText(`${n} messages`, { exact: true }).waitFor();
    expect(await rows.count()).toBe(21);
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.waitForURL(/after=/);
    await rows.nth(n - 20 + 1).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(n - 20 + 1);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await rows.nth(20).waitFor();
    expect(problems).toEqual([]);

    const phone = await portal.newPortalPage({ viewport: 'phone' });
    await logInThroughPage(phone, lead, 'Mail Admin');
    await phone.goto('/staff/outbox?status=FAILED');
    await phone.getByText('No messages match.').waitFor();
    expect(await phone.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('Failed');
    await expectAccessible(phone, 'outgoing mail (phone)');
  });

  it('staff who are not ADMIN do not find it', async () => {
    const manager = await signUpUser(portal.t, { fullName: 'Events Only' });
    await portal.t.gql(`mutation($id: ID!) { setStaffPermissions(userId: $id, permissions: [EVENT_MANAGER, FINANCE]) { id } }`, { id: manager.id }, admin.accessToken);
    const page = await portal.newPortalPage();
    await logInThroughPage(page, manager, 'Events Only');
    await page.goto('/staff');
    await page.getByRole('link', { name: 'Reports' }).waitFor();
    expect(await page.getByRole('link', { name: 'Outgoing mail' }).count()).toBe(0);
    await page.goto('/staff/outbox');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  });
});
