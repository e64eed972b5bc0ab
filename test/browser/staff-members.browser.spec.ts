/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  applyFor, captureScreenshot, collectProblems, createAdminUser, createEvent, createGroup, createTier, expectAccessible, logInThroughPage,
  memberInGoodStanding, signUpUser, startPortal, type Portal, type TestUser,
} from './support/index.js';

const GRANT = `mutation($id: ID!, $p: [StaffPermission!]!) { setStaffPermissions(userId: $id, permissions: $p) { id } }`;

describe('portal: the staff console, members side', () => {
  let portal: Portal;
  let admin: TestUser;
  let manager: TestUser;
  let grace: TestUser;
  let alan: TestUser;
  let importedId: string;

  const staff = async (fullName: string, permissions: string[]): Promise<TestUser> => {
    const user = await signUpUser(portal.t, { fullName });
    await portal.t.gql(GRANT, { id: user.id, p: permissions }, admin.accessToken);
    return user;
  };

  beforeAll(async () => {
    portal = await startPortal();
    const { t } = portal;
    admin = await createAdminUser(t);
    manager = await staff('Mona Manager', ['MEMBERSHIP_MANAGER']);
    grace = await signUpUser(t, { fullName: 'Grace Hopper' });
    alan = await signUpUser(t, { fullName: 'Alan Turing' });

    // Grace: a paid membership (bank transfer), an event attended with credits, another registration.
    const professional = await createTier(t, admin, { name: 'Professional', price: { amount: 12_000, currency: 'EUR' } });
    await createTier(t, admin, { name: 'Honorary' });
    const membershipId = (await applyFor(t, grace, professional)).data!.applyForMembership.id;
    const paid = await t.gql(
      `mutation($input: RecordOfflinePaymentInput!) { recordOfflinePayment(input: $input) { id } }`,
      { input: { membershipId, amount: { amount: 12_000, currency: 'EUR' }, method: 'BANK_TRANSFER', reference: 'GH-2026' } },
      admin.accessToken,
    );
    if (!paid.data?.recordOfflinePayment) throw new Error(JSON.stringify(paid.errors));
    const compilers = await createEvent(t, admin, { title: 'Compilers 101', ceCredits: 2, ceCategory: 'Technical' });
    await createEvent(t, admin, { title: 'Ethics at work' }).then((id) => t.gql(`mutation($e: ID!) { registerForEvent(eventId: $e) { id } }`, { e: id }, grace.accessToken));
    const registered = await t.gql(`mutation($e: ID!) { registerForEvent(eventId: $e) { id } }`, { e: compilers }, grace.accessToken);
    await t.gql(`mutation($id: ID!) { checkIn(registrationId: $id) { id } }`, { id: registered.data!.registerForEvent.id }, admin.accessToken);
    await t.sql(`UPDATE event_sessions SET starts_at = starts_at - interval '30 days', ends_at = ends_at - interval '30 days' WHERE event_id = $1`, [compilers]);

    // Something in Grace's audit trail: a permission given and taken back.
    await t.gql(GRANT, { id: grace.id, p: ['CHECK_IN'] }, admin.accessToken);
    await t.gql(GRANT, { id: grace.id, p: [] }, admin.accessToken);

    [{ id: importedId }] = await t.sql<{ id: string }>(
      `INSERT INTO users (email, password_hash, full_name) VALUES ('imported.person@example.org', '!imported:no-password', 'Imported Person') RETURNING id`,
    );
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('searches members (filters in the address) and opens a member page with periods, payments, registrations, credits and history', async () => {
    const page = await portal.newPortalPage();
    const problems = collectProblems(page);
    await logInThroughPage(page, manager, 'Mona Manager', '/staff');
    await page.getByRole('link', { name: 'Members', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor();
    await page.getByRole('textbox', { name: /Name or email/ }).fill('Grace');
    await page.getByRole('combobox', { name: 'Status' }).selectOption('ACTIVE');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('1 people match').waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('Grace');
    expect(new URL(page.url()).searchParams.get('status')).toBe('ACTIVE');
    const row = page.getByRole('row', { name: /Grace Hopper/ });
    await row.getByText('Professional').waitFor();
    await expectAccessible(page, 'member search');
    await captureScreenshot(page, 'staff-members-desktop');

    // The address alone reproduces the search.
    await page.goto('/staff/members?status=LAPSED');
    await page.getByText('Nobody matches these filters.').waitFor();
    await page.goBack();
    await page.getByRole('link', { name: 'Grace Hopper' }).click();
    await page.getByRole('heading', { level: 1, name: 'Grace Hopper' }).waitFor();

    const periods = page.getByRole('group', { name: 'Membership periods' });
    await periods.getByText('OFFLINE_PAYMENT').waitFor();
    const payments = page.getByRole('region', { name: 'Payments' });
    await payments.getByText(/120\.00/).waitFor();
    await payments.getByText('bank_transfer').waitFor();
    const registrations = page.getByRole('region', { name: 'Event registrations' });
    await registrations.getByRole('row', { name: /Compilers 101/ }).getByRole('cell', { name: '2', exact: true }).waitFor();
    await registrations.getByText('Ethics at work').waitFor();
    await page.getByRole('region', { name: 'CE credits' }).getByText('2 CE credits in total').waitFor();
    await page.getByRole('region', { name: 'Status history' }).getByRole('row', { name: /Professional Waiting for payment Active/ }).waitFor();
    await page.getByRole('region', { name: 'Audit trail' }).getByRole('cell', { name: 'user.setStaffPermissions' }).first().waitFor();
    await expectAccessible(page, 'member page');
    await captureScreenshot(page, 'staff-member-desktop');

    const phone = await portal.newPortalPage({ viewport: 'phone' });
    await logInThroughPage(phone, manager, 'Mona Manager', `/staff/members/${grace.id}`);
    await phone.getByRole('heading', { level: 1, name: 'Grace Hopper' }).waitFor();
    await phone.getByRole('region', { name: 'CE credits' }).getByText('2 CE credits in total').waitFor();
    await expectAccessible(phone, 'member page (phone)');
    expect(problems).toEqual([]);
  });

  it('the member page shows 20 payments, registrations and audit entries, and "Show more" brings the next 20 until all are shown', async () => {
    const { t } = portal;
    const busy = await signUpUser(t, { fullName: 'Busy Person' });
    await t.sql(
      `INSERT INTO payments (user_id, purpose, provider, method, amount, currency, description, paid_at, created_at)
       SELECT $1, 'DUES', 'OFFLINE', 'bank_transfer', 1000 + g, 'EUR', 'Dues instalment ' || g, now() - g * interval '1 day', now() - g * interval '1 day'
         FROM generate_series(1, 25) g`,
      [busy.id],
    );
    await t.sql(
      `INSERT INTO audit_log (created_at, actor_id, action, target_type, target_id)
       SELECT now() - g * interval '1 minute', NULL, 'test.note.' || g, 'User', $1 FROM generate_series(1, 45) g`,
      [busy.id],
    );
    // Sign-up may have written its own entries about the person: count what the page should show.
    const [{ n: auditTotal }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE target_type = 'User' AND target_id = $1`, [busy.id]);
    expect(auditTotal).toBeGreaterThanOrEqual(45);
    expect(auditTotal).toBeLessThanOrEqual(60);
    for (let i = 1; i <= 21; i++) {
      const eventId = await createEvent(t, admin, { title: `Evening talk ${i}`, startsAt: new Date(Date.now() + i * 86_400_000) });
      await t.gql(`mutation($e: ID!) { registerForEvent(eventId: $e) { id } }`, { e: eventId }, busy.accessToken);
    }

    const page = await portal.newPortalPage();
    const problems = collectProblems(page);
    await logInThroughPage(page, manager, 'Mona Manager', `/staff/members/${busy.id}`);
    await page.getByRole('heading', { level: 1, name: 'Busy Person' }).waitFor();
    const rowsIn = (region: string) => page.getByRole('region', { name: region }).getByRole('row');

    const audit = page.getByRole('region', { name: 'Audit trail' });
    await audit.getByText(`Showing 20 of ${auditTotal}`).waitFor();
    expect(await rowsIn('Audit trail').count()).toBe(21); // the header and 20 entries
    expect(await audit.getByRole('cell', { name: 'test.note.21', exact: true }).count()).toBe(0);
    await expectAccessible(page, 'member page with more to show');
    await page.getByRole('button', { name: 'Show more: Audit trail' }).click();
    await audit.getByText(`Showing 40 of ${auditTotal}`).waitFor();
    await audit.getByRole('cell', { name: 'test.note.21', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Show more: Audit trail' }).click();
    await audit.getByRole('cell', { name: 'test.note.45', exact: true }).waitFor();
    expect(await rowsIn('Audit trail').count()).toBe(auditTotal + 1);
    // Newest first, each once.
    const actions = await audit.getByRole('cell', { name: /^test\.note\./ }).allTextContents();
    expect(actions).toEqual(Array.from({ length: 45 }, (_, i) => `test.note.${i + 1}`));
    expect(await page.getByRole('button', { name: 'Show more: Audit trail' }).count()).toBe(0);

    const payments = page.getByRole('region', { name: 'Payments' });
    await payments.getByText('Showing 20 of 25').waitFor();
    await page.getByRole('button', { name: 'Show more: Payments' }).click();
    await payments.getByText('Dues instalment 25').waitFor();
    expect(await rowsIn('Payments').count()).toBe(26);
    expect(await page.getByRole('button', { name: 'Show more: Payments' }).count()).toBe(0);

    const registrations = page.getByRole('region', { name: 'Event registrations' });
    await registrations.getByText('Showing 20 of 21').waitFor();
    await page.getByRole('button', { name: 'Show more: Event registrations' }).click();
    // All shown: the button and the count go.
    await page.getByRole('button', { name: 'Show more: Event registrations' }).waitFor({ state: 'detached' });
    expect(await rowsIn('Event registrations').count()).toBe(22);
    const titles = await registrations.getByRole('cell', { name: /^Evening talk \d+$/ }).allTextContents();
    expect(new Set(titles).size).toBe(21);
    await expectAccessible(page, 'member page, everything shown');
    expect(problems).toEqual([]);
  });

  it('grants a complimentary membership from the member page', async () => {
    const page = await portal.newPortalPage();
    const problems = collectProblems(page);
    await logInThroughPage(page, manager, 'Mona Manager', `/staff/members/${alan.id}`);
    await page.getByRole('heading', { level: 1, name: 'Alan Turing' }).waitFor();
    await page.getByText('No membership yet.').waitFor();
    await page.getByRole('button', { name: 'Grant membership' }).click();
    await page.getByText('Choose a tier', { exact: true }).last().waitFor();
    await page.getByRole('combobox', { name: 'Tier' }).selectOption({ label: 'Honorary' });
    await page.getByRole('button', { name: 'Grant membership' }).click();
    await page.getByRole('status').filter({ hasText: 'Membership granted.' }).waitFor();
    const membership = page.getByRole('region', { name: 'Membership' });
    await membership.getByText('Active').waitFor();
    await membership.getByText('Honorary').waitFor();
    await expectAccessible(page, 'member page after a grant');
    const rows = await portal.t.sql(`SELECT m.status, m.complimentary, t.name FROM memberships m JOIN membership_tiers t ON t.id = m.tier_id WHERE m.user_id = $1`, [alan.id]);
    expect(rows).toEqual([{ status: 'ACTIVE', complimentary: true, name: 'Honorary' }]);
    expect(problems).toEqual([]);
  });

  it('sends claim invitations to selected imported accounts and shows when', async () => {
    const page = await portal.newPortalPage();
    const problems = collectProblems(page);
    await logInThroughPage(page, manager, 'Mona Manager', '/staff/invitations');
    await page.getByRole('heading', { level: 1, name: 'Invitations' }).waitFor();
    const row = page.getByRole('row', { name: /Imported Person/ });
    await row.getByText('Never').waitFor();
    expect(await page.getByRole('button', { name: 'Send invitations (0)' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'invitations');
    await captureScreenshot(page, 'staff-invitations-desktop');
    await row.getByRole('checkbox', { name: 'Select Imported Person' }).check();
    await page.getByRole('button', { name: 'Send invitations (1)' }).click();
    await page.getByRole('status').filter({ hasText: 'Invitations sent: 1; skipped (already claimed): 0.' }).waitFor();
    await row.getByText('Never').waitFor({ state: 'detached' });
    const tokens = await portal.t.sql(`SELECT count(*)::int AS n FROM account_tokens WHERE user_id = $1 AND purpose = 'ACCOUNT_CLAIM'`, [importedId]);
    expect(tokens[0].n).toBe(1);
    await page.getByRole('switch', { name: 'Only those without a live invitation' }).click();
    await page.getByText('Every imported account has been claimed.').waitFor();
    expect(new URL(page.url()).searchParams.get('notInvited')).toBe('1');
    expect(problems).toEqual([]);
  });

  it('creates, edits and retires a tier', async () => {
    const page = await portal.newPortalPage();
    const problems = collectProblems(page);
    await logInThroughPage(page, manager, 'Mona Manager', '/staff/tiers');
    await page.getByRole('heading', { level: 1, name: 'Tiers' }).waitFor();
    const create = page.getByRole('form', { name: 'New tier' });
    await create.getByRole('textbox', { name: 'Name' }).fill('Associate');
    await create.getByRole('textbox', { name: /^Price/ }).fill('45.555');
    await create.getByRole('textbox', { name: /^Currency/ }).fill('EUR');
    await create.getByRole('combobox', { name: 'Billing period' }).selectOption('MONTH');
    await create.getByRole('button', { name: 'Create tier' }).click();
    await create.getByText("A price of 0 or more, with at most the currency's decimals").waitFor();
    await expectAccessible(page, 'tiers with an error');
    await create.getByRole('textbox', { name: /^Price/ }).fill('45.5');
    await create.getByRole('button', { name: 'Create tier' }).click();
    const card = page.getByRole('article', { name: 'Associate' });
    await card.getByText(/45\.50.*Monthly/).waitFor();
    const [tier] = await portal.t.sql(`SELECT id, price_amount, price_currency, billing_interval, active FROM membership_tiers WHERE name = 'Associate'`);
    expect(tier).toMatchObject({ price_amount: 4550, price_currency: 'EUR', billing_interval: 'MONTH', active: true });
    await expectAccessible(page, 'tiers');
    await captureScreenshot(page, 'staff-tiers-desktop');

    await card.getByRole('button', { name: 'Edit Associate' }).click();
    const edit = card.getByRole('form', { name: 'Edit Associate' });
    await edit.getByRole('textbox', { name: 'Grace period (days)' }).fill('10');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await card.getByText(/10 days of grace/).waitFor();

    await card.getByRole('button', { name: 'Retire Associate' }).click();
    await card.getByText('Retired', { exact: true }).waitFor();
    const [after] = await portal.t.sql(`SELECT active, grace_period_days, price_amount FROM membership_tiers WHERE id = $1`, [tier.id]);
    expect(after).toEqual({ active: false, grace_period_days: 10, price_amount: 4550 });
    const offered = await portal.t.gql(`{ membershipTiers { name } }`, {});
    expect(offered.data!.membershipTiers.map((t: { name: string }) => t.name)).not.toContain('Associate');
    expect(problems).toEqual([]);
  });

  it('community staff read the communities console; FINANCE-only and CHECK_IN staff are refused the members pages', async () => {
    const organiserTier = await createTier(portal.t, admin, { name: 'Organiser' });
    const organiser = await memberInGoodStanding(portal.t, organiserTier, 'Olive Organiser');
    await createGroup(portal.t, organiser, { name: 'CFA Level I Circle', topic: 'CFA Level I' });
    const community = await staff('Cora Community', ['COMMUNITY_MANAGER']);
    const page = await portal.newPortalPage();
    await logInThroughPage(page, community, 'Cora Community', '/staff');
    await page.getByRole('link', { name: 'Communities', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Communities' }).waitFor();
    await page.getByRole('row', { name: /CFA Level I Circle/ }).waitFor();
    const report = page.getByRole('region', { name: 'Community report' });
    await report.getByText('Groups forming').waitFor();
    await expectAccessible(page, 'communities');
    await captureScreenshot(page, 'staff-communities-desktop');
    expect(await page.getByRole('link', { name: 'Members', exact: true }).count()).toBe(0);
    await page.goto('/staff/members');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();

    for (const [name, permissions] of [['Fin Person', ['FINANCE']], ['Door Person', ['CHECK_IN']]] as const) {
      const who = await staff(name, [...permissions]);
      const refused = await portal.newPortalPage();
      await logInThroughPage(refused, who, name, '/staff');
      await refused.getByRole('heading', { level: 1, name: 'Staff console' }).waitFor();
      expect(await refused.getByRole('link', { name: 'Members', exact: true }).count()).toBe(0);
      expect(await refused.getByRole('link', { name: 'Tiers', exact: true }).count()).toBe(0);
      for (const path of ['/staff/members', `/staff/members/${grace.id}`, '/staff/invitations', '/staff/tiers', '/staff/communities']) {
        await refused.goto(path);
        await refused.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      }
      await expectAccessible(refused, `refused page (${name})`);
    }
  });
});
