/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createAdminUser, createEvent, createGroup, expectAccessible, goodStandingTier, memberInGoodStanding, register, signUpUser, startPortal, type Portal, type TestUser,
} from './support/index.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('portal: events, study groups and certificate verification, for everyone', () => {
  let portal: Portal;
  let admin: TestUser;
  let paidEventId: string;
  let certificateCode: string;
  const visitorPassword = 'a visitor password';
  let visitor: TestUser;

  beforeAll(async () => {
    portal = await startPortal();
    const { t } = portal;
    admin = await createAdminUser(t);
    // 10 days ahead, 18:00 in New York: the viewer (Europe/London) sees their own time beside it.
    const start = new Date(Date.now() + 10 * DAY);
    start.setUTCHours(23, 0, 0, 0);
    paidEventId = await createEvent(t, admin, {
      title: 'Ethics for Practitioners',
      kind: 'WORKSHOP',
      format: 'IN_PERSON',
      timezone: 'America/New_York',
      startsAt: start,
      endsAt: new Date(start.getTime() + DAY + 3 * HOUR),
      venue: 'Guild Hall, Room 1',
      capacity: 30,
      memberPrice: 4500,
      nonMemberPrice: 9000,
      sessions: [
        { title: 'Morning: Ethics', startsAt: start, endsAt: new Date(start.getTime() + 3 * HOUR), ceCredits: 3, ceCategory: 'Ethics' },
        { title: 'Day two: Practice', startsAt: new Date(start.getTime() + DAY), endsAt: new Date(start.getTime() + DAY + 3 * HOUR), ceCredits: 2, ceCategory: 'Practice' },
      ],
    });
    await createEvent(t, admin, { title: 'Evening Meetup', kind: 'MEETUP', format: 'VIRTUAL', venue: null, capacity: null, startsAt: new Date(Date.now() + 20 * DAY) });

    const tier = await goodStandingTier(t, admin);
    const organiser = await memberInGoodStanding(t, tier, 'Grace Hopper');
    await createGroup(t, organiser, { name: 'CFA Level I Circle', topic: 'CFA Level I', schedule: { cadence: 'WEEKLY', weekday: 'TUESDAY', localTime: '19:00', timezone: 'Europe/Berlin', durationMinutes: 90 } });
    await createGroup(t, organiser, { name: 'Tax Law Readers', topic: 'Tax law', schedule: { cadence: 'MONTHLY', weekday: 'THURSDAY', weekOfMonth: -1, localTime: '12:30', timezone: 'Europe/London', durationMinutes: 60 } });

    // A certificate: a registration with attendance, its code minted when the PDF is first made.
    const holder = await signUpUser(t, { fullName: 'Ada Lovelace' });
    const single = await createEvent(t, admin, { title: 'Clinical Update', ceCredits: 1.5, ceCategory: 'Clinical' });
    const registrationId = (await register(t, holder, single)).data!.registerForEvent.id as string;
    const checkedIn = await t.gql(`mutation($id: ID!) { checkIn(registrationId: $id) { id } }`, { id: registrationId }, admin.accessToken);
    if (!checkedIn.data?.checkIn) throw new Error(`checkIn failed: ${JSON.stringify(checkedIn.errors)}`);
    const pdf = await fetch(`${t.url}/certificates/${registrationId}.pdf`, { headers: { authorization: `Bearer ${holder.accessToken}` } });
    expect(pdf.status).toBe(200);
    [{ certificate_code: certificateCode }] = await t.sql<{ certificate_code: string }>(`SELECT certificate_code FROM event_registrations WHERE id = $1`, [registrationId]);

    visitor = await signUpUser(t, { fullName: 'Visiting Person', password: visitorPassword });
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('lists events and searches them, at phone size', async () => {
    const page = await portal.newPortalPage({ viewport: 'phone' });
    await page.goto('/events');
    await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
    const workshop = page.getByRole('article', { name: 'Ethics for Practitioners' });
    await workshop.waitFor();
    expect(await page.getByRole('article').count()).toBe(3);
    const text = (await workshop.textContent()) ?? '';
    expect(text).toContain('Members: $45.00');
    expect(text).toContain('Non-members: $90.00');
    expect(text).toContain('30 seats left');
    expect(text).toMatch(/6:00\s?PM EST/);
    expect(text).toMatch(/your time: .*11:00\s?PM GMT/);
    expect(await page.getByRole('article', { name: 'Evening Meetup' }).textContent()).toContain('No seat limit');
    await expectAccessible(page, 'events (phone)');

    await page.getByRole('textbox', { name: 'Search events' }).fill('meetup');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('1 event', { exact: true }).waitFor();
    expect(new URL(page.url()).search).toBe('?q=meetup');
    expect(await page.getByRole('article').count()).toBe(1);

    await page.getByRole('textbox', { name: 'Search events' }).fill('no such thing');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('No events match “no such thing”.').waitFor();
  });

  it('shows an event: sessions and credits, both prices, seats, a calendar file, and log in to register', async () => {
    const page = await portal.newPortalPage();
    await page.goto('/events');
    await page.getByRole('link', { name: 'Ethics for Practitioners' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ethics for Practitioners' }).waitFor();
    expect(await page.title()).toBe('Ethics for Practitioners · Guildhall');
    const sessions = page.getByRole('table');
    await sessions.getByRole('rowheader', { name: 'Morning: Ethics' }).waitFor();
    const rows = await sessions.getByRole('row').allTextContents();
    expect(rows.slice(1).map((row) => row.replace(/\s+/g, ' '))).toEqual([
      expect.stringMatching(/^Morning: Ethics.*3Ethics$/),
      expect.stringMatching(/^Day two: Practice.*2Practice$/),
    ]);
    expect(await page.getByText('5 CE credits in all').isVisible()).toBe(true);
    const tickets = page.getByRole('region', { name: 'Tickets' });
    expect(await tickets.textContent()).toMatch(/Members: \$45\.00.*Non-members: \$90\.00.*30 seats left/);

    const calendar = page.getByRole('link', { name: 'Add to calendar (.ics)' });
    const href = await calendar.getAttribute('href');
    expect(href).toBe(`/events/${paidEventId}.ics`);
    const ics = await page.request.get(href!);
    expect(ics.headers()['content-type']).toMatch(/text\/calendar/);
    expect(await ics.text()).toContain('SUMMARY:Ethics for Practitioners');
    await expectAccessible(page, 'event page');

    await page.getByRole('link', { name: 'Log in to register' }).click();
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await page.getByLabel('Email').fill(visitor.email);
    await page.getByLabel(/^Password/).fill(visitorPassword);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ethics for Practitioners' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/events/${paidEventId}`);
    expect(await page.getByRole('link', { name: 'Log in to register' }).count()).toBe(0);
  });

  it('reads well in the dark theme too', async () => {
    const page = await portal.newPortalPage({ colorScheme: 'dark' });
    await page.goto(`/events/${paidEventId}`);
    await page.getByRole('heading', { level: 1, name: 'Ethics for Practitioners' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).toBe('dark');
    await expectAccessible(page, 'event page (dark)');
  });

  it('shows a not-found page for an unknown event', async () => {
    const page = await portal.newPortalPage();
    await page.goto('/events/6f1c2d1e-0000-4000-8000-000000000000');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  });

  it('lists study groups with their schedules, and searches them', async () => {
    const page = await portal.newPortalPage();
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Study groups' }).click();
    await page.getByRole('heading', { level: 1, name: 'Study groups' }).waitFor();
    const circle = page.getByRole('article', { name: 'CFA Level I Circle' });
    await circle.waitFor();
    expect(await circle.textContent()).toContain('Every Tuesday at 19:00 (Europe/Berlin), 90 minutes');
    expect(await circle.textContent()).toContain('1 member');
    expect(await page.getByRole('article', { name: 'Tax Law Readers' }).textContent()).toContain('The last Thursday of each month at 12:30 (Europe/London), 60 minutes');
    await expectAccessible(page, 'study groups');

    await page.getByRole('textbox', { name: 'Search study groups' }).fill('tax');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('1 group', { exact: true }).waitFor();
    expect(await page.getByRole('article').count()).toBe(1);
  });

  it('verifies a certificate by its code, and says so when a code is unknown, at phone size', async () => {
    const page = await portal.newPortalPage({ viewport: 'phone' });
    await page.goto(`/verify/${certificateCode}`);
    const valid = page.getByRole('status').filter({ hasText: 'This certificate is valid' });
    await valid.waitFor();
    expect(await valid.textContent()).toMatch(/Holder: Ada Lovelace.*Event: Clinical Update.*CE credits: 1\.5/);
    await expectAccessible(page, 'verify (valid)');

    await page.getByLabel(/^Certificate code/).fill('GH-AAAA-BBBB-CCCC');
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByRole('status').filter({ hasText: 'No certificate has this code' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/verify/GH-AAAA-BBBB-CCCC');
    await expectAccessible(page, 'verify (unknown code)');
  });
});
