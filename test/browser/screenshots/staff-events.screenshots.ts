import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { createAdminUser, createEvent, logInThroughPage, register, signUpUser, startPortal, type Portal, type TestUser } from '../support/index.js';

/**
 * `npm run screenshots`: the events side of the staff console (list, editor, registrations at desktop
 * size; the door at phone size), written to docs/screenshots/staff-events-*.png.
 */
const OUT = resolve('docs/screenshots');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const GRANT = `mutation($id: ID!, $p: [StaffPermission!]!) { setStaffPermissions(userId: $id, permissions: $p) { id } }`;

describe('screenshots: staff events console', () => {
  let portal: Portal;
  let manager: TestUser;
  let door: TestUser;
  let eventId: string;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    portal = await startPortal();
    const { t } = portal;
    const admin = await createAdminUser(t);
    manager = await signUpUser(t, { fullName: 'Eve Manager' });
    door = await signUpUser(t, { fullName: 'Door Volunteer' });
    await t.gql(GRANT, { id: manager.id, p: ['EVENT_MANAGER'] }, admin.accessToken);
    await t.gql(GRANT, { id: door.id, p: ['CHECK_IN'] }, admin.accessToken);
    const start = new Date(Date.now() + DAY);
    start.setUTCHours(14, 0, 0, 0);
    eventId = await createEvent(t, admin, {
      title: 'Annual Ethics Workshop', timezone: 'America/New_York', startsAt: start, endsAt: new Date(start.getTime() + 3 * HOUR), capacity: 3, ceCredits: 3, ceCategory: 'Ethics',
    });
    await createEvent(t, admin, { title: 'Regional Meetup: Leeds', kind: 'MEETUP', format: 'IN_PERSON', timezone: 'Europe/London', startsAt: new Date(Date.now() + 20 * DAY) });
    await createEvent(t, admin, { title: 'Webinar draft: Tax Changes 2027', kind: 'WEBINAR', format: 'VIRTUAL', publish: false, startsAt: new Date(Date.now() + 30 * DAY) });
    for (const fullName of ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson']) await register(t, await signUpUser(t, { fullName }), eventId);
  });
  afterAll(async () => {
    await portal?.close();
  });

  const shoot = async (page: Page, path: string, ready: (page: Page) => Promise<unknown>, name: string, fullPage = false) => {
    await page.goto(path);
    await ready(page);
    await page.screenshot({ path: `${OUT}/${name}.png`, fullPage });
  };

  it('takes the main pages', async () => {
    const page = await portal.newPortalPage({ viewport: 'desktop' });
    await logInThroughPage(page, manager, 'Eve Manager', '/staff');
    await shoot(page, '/staff/events?view=PUBLISHED', (p) => p.getByRole('link', { name: 'Annual Ethics Workshop', exact: true }).waitFor(), 'staff-events-desktop');
    await shoot(page, `/staff/events/${eventId}`, (p) => p.getByRole('button', { name: 'Save changes' }).waitFor(), 'staff-event-editor-desktop', true);
    await shoot(page, `/staff/events/${eventId}/registrations`, (p) => p.getByRole('rowheader', { name: /Katherine Johnson/ }).waitFor(), 'staff-event-registrations-desktop');

    const phone = await portal.newPortalPage({ viewport: 'phone' });
    await logInThroughPage(phone, door, 'Door Volunteer', '/staff/check-in');
    await phone.getByRole('combobox', { name: 'Event' }).click();
    await phone.getByRole('option', { name: /Annual Ethics Workshop/ }).click();
    await phone.getByRole('textbox', { name: 'Find by name' }).fill('ada');
    await phone.getByRole('button', { name: 'Find', exact: true }).click();
    await phone.getByRole('button', { name: 'Check in Ada Lovelace' }).waitFor();
    await phone.screenshot({ path: `${OUT}/staff-check-in-phone.png`, fullPage: true });
  });
});
