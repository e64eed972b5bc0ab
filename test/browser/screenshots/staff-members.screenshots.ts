import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { applyFor, createAdminUser, createEvent, createGroup, createTier, logInThroughPage, memberInGoodStanding, signUpUser, startPortal, type Portal, type TestUser } from '../support/index.js';

/**
 * `npm run screenshots`: the members side of the staff console (search, a member's page, invitations,
 * tiers, communities) at desktop and phone size, written to docs/screenshots/staff-<page>-<viewport>.png.
 */
const OUT = resolve('docs/screenshots');
const GRANT = `mutation($id: ID!, $p: [StaffPermission!]!) { setStaffPermissions(userId: $id, permissions: $p) { id } }`;

interface Shot {
  name: string;
  path: () => string;
  ready: (page: Page) => Promise<unknown>;
}

describe('screenshots: staff console, members side', () => {
  let portal: Portal;
  let manager: TestUser;
  let grace: TestUser;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    portal = await startPortal();
    const { t } = portal;
    const admin = await createAdminUser(t);
    manager = await signUpUser(t, { fullName: 'Mona Manager' });
    await t.gql(GRANT, { id: manager.id, p: ['MEMBERSHIP_MANAGER', 'COMMUNITY_MANAGER'] }, admin.accessToken);
    const professional = await createTier(t, admin, { name: 'Professional', price: { amount: 18_000, currency: 'USD' } });
    await createTier(t, admin, { name: 'Early career', price: { amount: 1500, currency: 'USD' }, billingInterval: 'MONTH' });
    await createTier(t, admin, { name: 'Student', requiresApproval: true });
    grace = await signUpUser(t, { fullName: 'Grace Hopper' });
    const membershipId = (await applyFor(t, grace, professional)).data!.applyForMembership.id;
    await t.gql(
      `mutation($input: RecordOfflinePaymentInput!) { recordOfflinePayment(input: $input) { id } }`,
      { input: { membershipId, amount: { amount: 18_000, currency: 'USD' }, method: 'CHEQUE', reference: 'CHQ-1042' } },
      admin.accessToken,
    );
    for (const name of ['Ada Lovelace', 'Alan Turing', 'Katherine Johnson']) await applyFor(t, await signUpUser(t, { fullName: name }), professional);
    const eventId = await createEvent(t, admin, { title: 'Annual Ethics Workshop', ceCredits: 3, ceCategory: 'Ethics' });
    const registered = await t.gql(`mutation($e: ID!) { registerForEvent(eventId: $e) { id } }`, { e: eventId }, grace.accessToken);
    await t.gql(`mutation($id: ID!) { checkIn(registrationId: $id) { id } }`, { id: registered.data!.registerForEvent.id }, admin.accessToken);
    await t.sql(`UPDATE event_sessions SET starts_at = starts_at - interval '30 days', ends_at = ends_at - interval '30 days' WHERE event_id = $1`, [eventId]);
    await t.sql(
      `INSERT INTO users (email, password_hash, full_name) VALUES ('dorothy@example.org', '!imported:no-password', 'Dorothy Vaughan'), ('mary@example.org', '!imported:no-password', 'Mary Jackson')`,
    );
    const organiser = await memberInGoodStanding(t, await createTier(t, admin, { name: 'Organiser' }), 'Olive Organiser');
    await createGroup(t, organiser, { name: 'CFA Level I Circle', topic: 'CFA Level I' });
  });
  afterAll(async () => {
    await portal?.close();
  });

  const shots: Shot[] = [
    { name: 'staff-members', path: () => '/staff/members', ready: (page) => page.getByRole('link', { name: 'Grace Hopper' }).waitFor() },
    { name: 'staff-member', path: () => `/staff/members/${grace.id}`, ready: (page) => page.getByText('3 CE credits in total').waitFor() },
    { name: 'staff-invitations', path: () => '/staff/invitations', ready: (page) => page.getByRole('row', { name: /Dorothy Vaughan/ }).waitFor() },
    { name: 'staff-tiers', path: () => '/staff/tiers', ready: (page) => page.getByRole('article', { name: 'Professional' }).waitFor() },
    { name: 'staff-communities', path: () => '/staff/communities', ready: (page) => page.getByRole('row', { name: /CFA Level I Circle/ }).waitFor() },
  ];

  it('takes each page at desktop and phone size', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await portal.newPortalPage({ viewport });
      await logInThroughPage(page, manager, 'Mona Manager');
      for (const shot of shots) {
        await page.goto(shot.path());
        await shot.ready(page);
        await page.screenshot({ path: `${OUT}/${shot.name}-${viewport}.png`, fullPage: viewport === 'phone' });
      }
    }
  });
});
