/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { createEvent } from '../factories/events.js';
import { collectProblems, createAdminUser, createTier, expectAccessible, signUpUser, startPortal, type Portal, type TestUser } from './support/index.js';

const GRANT = `mutation($id: ID!, $p: [StaffPermission!]!) { setStaffPermissions(userId: $id, permissions: $p) { id } }`;

async function logInThroughThePortal(page: Page, who: TestUser, fullName: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel(/^Password/).fill(who.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('button', { name: fullName }).waitFor();
}

describe('portal: the staff console', () => {
  let portal: Portal;
  let admin: TestUser;
  beforeAll(async () => {
    portal = await startPortal();
    admin = await createAdminUser(portal.t);
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('a CHECK_IN volunteer checks a person in by ticket code on a phone, sees the counts, and is refused every other console page', async () => {
    const door = await signUpUser(portal.t, { fullName: 'Door Volunteer' });
    await portal.t.gql(GRANT, { id: door.id, p: ['CHECK_IN'] }, admin.accessToken);
    await createEvent(portal.t, admin, { title: 'Spring Conference', capacity: 20 });
    const eventId = await createEvent(portal.t, admin, { title: 'Ethics Workshop', capacity: 20 });
    const guest = await signUpUser(portal.t, { fullName: 'Ada Guest' });
    const registered = await portal.t.gql(`mutation($e: ID!) { registerForEvent(eventId: $e) { checkInCode } }`, { e: eventId }, guest.accessToken);
    const code: string = registered.data!.registerForEvent.checkInCode;

    const page = await portal.newPortalPage({ viewport: 'phone' });
    const problems = collectProblems(page);
    await logInThroughThePortal(page, door, 'Door Volunteer');
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Staff console' }).click();
    await page.getByRole('heading', { level: 1, name: 'Staff console' }).waitFor();
    expect(await page.getByRole('link', { name: 'Check-in' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Approvals' }).count()).toBe(0);
    await expectAccessible(page, 'staff console (CHECK_IN, phone)');

    await page.getByRole('link', { name: 'Check-in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check-in' }).waitFor();
    await page.getByRole('combobox', { name: 'Event' }).click();
    await page.getByRole('option', { name: /Ethics Workshop/ }).click();
    await page.getByText('0 of 1 checked in').waitFor();
    await expectAccessible(page, 'check-in (phone)');

    await page.getByRole('textbox', { name: 'Ticket code' }).fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Check in' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Ada Guest' });
    await status.getByText('Checked in', { exact: true }).waitFor();
    await page.getByText('1 of 1 checked in').waitFor();
    expect(await page.getByRole('textbox', { name: 'Ticket code' }).inputValue()).toBe('');
    await expectAccessible(page, 'check-in with an answer (phone)');

    await page.getByRole('textbox', { name: 'Ticket code' }).fill(code);
    await page.getByRole('button', { name: 'Check in' }).click();
    await status.getByText('Already checked in').waitFor();

    await page.getByRole('textbox', { name: 'Ticket code' }).fill('ZZZZZZZZZZ');
    await page.getByRole('button', { name: 'Check in' }).click();
    await page.getByRole('alert').filter({ hasText: 'not found' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Ticket code' }).inputValue()).toBe('ZZZZZZZZZZ');

    const attended = await portal.t.sql(`SELECT count(*)::int AS n FROM event_session_attendance a JOIN event_registrations r ON r.id = a.registration_id WHERE r.event_id = $1`, [eventId]);
    expect(attended[0].n).toBe(1);

    await page.goto('/staff/approvals');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
  });

  it('a MEMBERSHIP_MANAGER approves one application and declines another with a reason', async () => {
    const manager = await signUpUser(portal.t, { fullName: 'Membership Manager' });
    await portal.t.gql(GRANT, { id: manager.id, p: ['MEMBERSHIP_MANAGER'] }, admin.accessToken);
    const tierId = await createTier(portal.t, admin, { name: 'Fellow', requiresApproval: true });
    const apply = `mutation($t: ID!) { applyForMembership(tierId: $t) { id status } }`;
    const grace = await signUpUser(portal.t, { fullName: 'Grace Hopper' });
    const mallory = await signUpUser(portal.t, { fullName: 'Mallory Applicant' });
    const graceMembership = (await portal.t.gql(apply, { t: tierId }, grace.accessToken)).data!.applyForMembership.id;
    const malloryMembership = (await portal.t.gql(apply, { t: tierId }, mallory.accessToken)).data!.applyForMembership.id;

    const page = await portal.newPortalPage();
    const problems = collectProblems(page);
    await logInThroughThePortal(page, manager, 'Membership Manager');
    await page.goto('/staff');
    expect(await page.getByRole('link', { name: 'Check-in' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Approvals' }).click();
    await page.getByRole('heading', { level: 1, name: 'Approvals' }).waitFor();
    const graceCard = page.getByRole('article', { name: 'Grace Hopper' });
    await graceCard.getByText('Applied for Fellow').waitFor();
    await expectAccessible(page, 'approvals');

    await graceCard.getByRole('button', { name: 'Approve Grace Hopper' }).click();
    await graceCard.waitFor({ state: 'detached' });

    const malloryCard = page.getByRole('article', { name: 'Mallory Applicant' });
    await malloryCard.getByRole('button', { name: 'Decline Mallory Applicant' }).click();
    await malloryCard.getByText('Say why, for the applicant').waitFor();
    await expectAccessible(page, 'approvals with an error');
    await malloryCard.getByRole('textbox', { name: /Reason for declining/ }).fill('References could not be checked');
    await malloryCard.getByRole('button', { name: 'Decline Mallory Applicant' }).click();
    await page.getByText('No applications are waiting.').waitFor();

    const statuses = await portal.t.sql(`SELECT id, status, decline_reason FROM memberships WHERE id = ANY($1) ORDER BY status`, [[graceMembership, malloryMembership]]);
    expect(statuses).toEqual([
      { id: graceMembership, status: 'ACTIVE', decline_reason: null },
      { id: malloryMembership, status: 'DECLINED', decline_reason: 'References could not be checked' },
    ]);
    expect(problems).toEqual([]);
  });

  it('people without a staff permission see no console link, and its pages are not found', async () => {
    const member = await signUpUser(portal.t, { fullName: 'Plain Member' });
    const page = await portal.newPortalPage();
    await logInThroughThePortal(page, member, 'Plain Member');
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Staff console' }).count()).toBe(0);
    for (const path of ['/staff', '/staff/check-in', '/staff/approvals']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    }
  });
});
