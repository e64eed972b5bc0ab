/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createEvent } from '../factories/events.js';
import { captureScreenshot, collectProblems, createAdminUser, expectAccessible, logInThroughPage, signUpUser, startPortal, type Portal, type TestUser } from './support/index.js';

const CANCEL = `mutation($id: ID!) { cancelRegistration(registrationId: $id) { id } }`;
const REGISTER = `mutation($eventId: ID!) { registerForEvent(eventId: $eventId) { id status } }`;

describe('portal: my events (register, pay, waitlist and offer, cancel)', () => {
  let portal: Portal;
  let admin: TestUser;
  beforeAll(async () => {
    portal = await startPortal();
    admin = await createAdminUser(portal.t);
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('registers for a free event, lists it with its calendar link, and cancels it', async () => {
    const eventId = await createEvent(portal.t, admin, { title: 'Ethics breakfast', timezone: 'America/New_York', capacity: 10 });
    const member = await signUpUser(portal.t, { fullName: 'Free Registrant' });
    const page = await portal.newPortalPage();
    const problems = collectProblems(page);
    await logInThroughPage(page, member, 'Free Registrant', `/my-events/events/${eventId}`);

    await page.getByRole('heading', { level: 1, name: 'Ethics breakfast' }).waitFor();
    await page.getByText('10 seats left').waitFor();
    // The event's own zone, with the viewer's (London) beside it.
    await page.getByText(/your time/).waitFor();
    await expectAccessible(page, 'event registration');
    await page.getByRole('button', { name: 'Register' }).click();
    await page.getByText('Confirmed').waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My events' }).click();
    await page.getByRole('heading', { level: 1, name: 'My events' }).waitFor();
    const card = page.getByRole('article', { name: 'Ethics breakfast' });
    await card.waitFor();
    await page.mouse.move(0, 0); // away from the navigation link's hover colour
    expect(await card.getByText('Confirmed').isVisible()).toBe(true);
    expect(await card.getByRole('link', { name: 'Add to calendar (.ics): Ethics breakfast' }).getAttribute('href')).toBe(`/events/${eventId}.ics`);
    await expectAccessible(page, 'my events');
    await captureScreenshot(page, 'my-events-desktop');

    await card.getByRole('button', { name: 'Cancel registration: Ethics breakfast' }).click();
    await card.getByRole('button', { name: 'Yes, cancel it' }).click();
    await card.getByText('Cancelled').waitFor();
    const status = (await portal.t.sql(`SELECT status FROM event_registrations WHERE event_id = $1`, [eventId])) as Array<{ status: string }>;
    expect(status.map((r) => r.status)).toEqual(['CANCELLED']);
    expect(problems).toEqual([]);
  });

  it('registers on the public event page, pays through the Stripe checkout page and comes back to a confirmed seat, at phone size', async () => {
    const eventId = await createEvent(portal.t, admin, { title: 'Paid masterclass', memberPrice: 2500, nonMemberPrice: 4000, capacity: 5 });
    const member = await signUpUser(portal.t, { fullName: 'Paying Registrant' });
    const page = await portal.newPortalPage({ viewport: 'phone' });
    const problems = collectProblems(page);
    await logInThroughPage(page, member, 'Paying Registrant', `/events/${eventId}`);
    await page.getByRole('heading', { level: 1, name: 'Paid masterclass' }).waitFor();
    const tickets = page.getByRole('region', { name: 'Tickets' });
    await tickets.getByText('Non-members: $40.00').waitFor();
    await expectAccessible(page, 'paid event (phone)');

    await tickets.getByRole('button', { name: 'Register' }).click();
    // The fake Stripe's payment page; its Pay button completes the session and comes back.
    await page.getByRole('button', { name: 'Pay', exact: true }).click();
    await page.waitForURL((url) => url.origin === portal.url && url.searchParams.get('paid') === '1', { timeout: 30_000 });
    const back = new URL(page.url());
    expect(back.pathname).toBe(`/events/${eventId}`);
    // Back on the event page (the session restored from the cookie): payment received, seat confirmed.
    await page.getByRole('button', { name: 'Paying Registrant' }).waitFor();
    await page.getByText('Thank you: your seat is confirmed.').waitFor({ timeout: 15_000 });
    expect(await page.getByText('Payment received').isVisible()).toBe(true);
    const [row] = (await portal.t.sql(`SELECT id, status FROM event_registrations WHERE event_id = $1`, [eventId])) as Array<{ id: string; status: string }>;
    expect(row).toEqual({ id: back.searchParams.get('registration'), status: 'CONFIRMED' });
    expect(await tickets.getByText('Confirmed').isVisible()).toBe(true);
    await expectAccessible(page, 'paid event, back from checkout (phone)');
    expect(problems).toEqual([]);
    await page.goto('/my-events');
    const card = page.getByRole('article', { name: 'Paid masterclass' });
    await card.getByText('Confirmed').waitFor();
    expect(await card.getByText('$40.00').isVisible()).toBe(true);
    await expectAccessible(page, 'my events (phone)');
    await captureScreenshot(page, 'my-events-phone');
  });

  it('joins the waitlist of a full event and accepts the offered seat', async () => {
    const eventId = await createEvent(portal.t, admin, { title: 'Tiny seminar', capacity: 1, memberPrice: 1500, nonMemberPrice: 1500 });
    const first = await signUpUser(portal.t, { fullName: 'First In' });
    // The only seat, held while its holder pays.
    const taken = await portal.t.gql(REGISTER, { eventId }, first.accessToken);
    expect(taken.data?.registerForEvent.status).toBe('PENDING_PAYMENT');

    const member = await signUpUser(portal.t, { fullName: 'Waiting Member' });
    const page = await portal.newPortalPage();
    await logInThroughPage(page, member, 'Waiting Member', `/my-events/events/${eventId}`);
    await page.getByText('Full: 0 people waiting').waitFor();
    await page.getByRole('button', { name: 'Join the waitlist' }).click();
    await page.getByText('Position 1 on the waitlist').waitFor();
    await expectAccessible(page, 'waitlisted');

    // The seat holder cancels: the seat is offered to the first in line.
    const cancelled = await portal.t.gql(CANCEL, { id: taken.data?.registerForEvent.id }, first.accessToken);
    expect(cancelled.errors).toBeUndefined();
    await page.goto('/my-events');
    const card = page.getByRole('article', { name: 'Tiny seminar' });
    await card.getByText('A seat is free for you').waitFor();
    await expectAccessible(page, 'seat offered');
    await card.getByRole('button', { name: 'Accept the seat: Tiny seminar' }).click();
    // An offered paid seat is paid for on the checkout page, then confirmed.
    await page.getByRole('button', { name: 'Pay', exact: true }).click();
    await page.waitForURL((url) => url.origin === portal.url && url.searchParams.get('paid') === '1', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Waiting Member' }).waitFor();
    await page.goto('/my-events');
    await page.getByRole('article', { name: 'Tiny seminar' }).getByText('Confirmed').waitFor();
  });

  it('says an event is sold out, with no way to register, when its seats and waitlist places are gone', async () => {
    const eventId = await createEvent(portal.t, admin, { title: 'Sold-out salon', capacity: 1, waitlistLimit: 0 });
    const first = await signUpUser(portal.t, { fullName: 'Only Seat' });
    expect((await portal.t.gql(REGISTER, { eventId }, first.accessToken)).data?.registerForEvent.status).toBe('CONFIRMED');

    const member = await signUpUser(portal.t, { fullName: 'Too Late' });
    const page = await portal.newPortalPage();
    await logInThroughPage(page, member, 'Too Late', `/my-events/events/${eventId}`);
    await page.getByText('Registration is closed: the event is sold out.').waitFor();
    expect(await page.getByRole('button', { name: /Register|Join the waitlist/ }).count()).toBe(0);
    await expectAccessible(page, 'sold out');
  });
});
