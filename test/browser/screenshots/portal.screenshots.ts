import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import {
  applyFor, createAdminUser, createEvent, createGroup, createTier, memberInGoodStanding, register, signUpUser, startPortal, type Portal, type TestUser,
} from '../support/index.js';
import { createForum, reply, startThread } from '../../factories/discussions.js';

/**
 * `npm run screenshots`: the portal's main pages at desktop and phone size, written to
 * docs/screenshots/<page>-<viewport>.png for the README. Add a line to SHOTS for a new page.
 */
const OUT = resolve('docs/screenshots');
const PASSWORD = 'correct horse battery';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Shot {
  name: string;
  path: string | (() => string);
  /** Signed in as the member. */
  signedIn?: boolean;
  /** What to wait for before the picture. */
  ready: (page: Page) => Promise<unknown>;
}

describe('screenshots', () => {
  let portal: Portal;
  let member: TestUser;
  let eventId: string;
  let meetupId: string;
  let forumId: string;
  let threadId: string;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    portal = await startPortal();
    const { t } = portal;
    const admin = await createAdminUser(t);
    const professional = await createTier(t, admin, { name: 'Professional', price: { amount: 18000, currency: 'USD' }, billingInterval: 'YEAR' });
    await createTier(t, admin, { name: 'Early career', price: { amount: 1500, currency: 'USD' }, billingInterval: 'MONTH' });
    await createTier(t, admin, { name: 'Student', price: { amount: 0, currency: 'USD' }, requiresApproval: true });
    const start = new Date(Date.now() + 12 * DAY);
    start.setUTCHours(14, 0, 0, 0);
    eventId = await createEvent(t, admin, {
      title: 'Annual Ethics Workshop',
      kind: 'WORKSHOP',
      format: 'HYBRID',
      timezone: 'America/New_York',
      startsAt: start,
      endsAt: new Date(start.getTime() + 7 * HOUR),
      memberPrice: 4500,
      nonMemberPrice: 9000,
      capacity: 40,
      sessions: [
        { title: 'Professional duties', startsAt: start, endsAt: new Date(start.getTime() + 3 * HOUR), ceCredits: 3, ceCategory: 'Ethics' },
        { title: 'Case studies', startsAt: new Date(start.getTime() + 4 * HOUR), endsAt: new Date(start.getTime() + 7 * HOUR), ceCredits: 3, ceCategory: 'Ethics' },
      ],
    });
    meetupId = await createEvent(t, admin, { title: 'Regional Meetup: Leeds', kind: 'MEETUP', format: 'IN_PERSON', timezone: 'Europe/London', venue: 'The Corn Exchange', startsAt: new Date(Date.now() + 20 * DAY) });
    await createEvent(t, admin, { title: 'Webinar: Tax Changes 2027', kind: 'WEBINAR', format: 'VIRTUAL', venue: null, capacity: null, startsAt: new Date(Date.now() + 30 * DAY) });
    const organiserTier = await createTier(t, admin, { name: 'Organiser', price: { amount: 0, currency: 'USD' } });
    const organiser = await memberInGoodStanding(t, organiserTier, 'Grace Hopper');
    await createGroup(t, organiser, { name: 'CFA Level I Circle', topic: 'CFA Level I' });
    await createGroup(t, organiser, { name: 'Tax Law Readers', topic: 'Tax law', schedule: { cadence: 'MONTHLY', weekday: 'THURSDAY', weekOfMonth: -1, localTime: '12:30', timezone: 'Europe/London' } });
    member = await signUpUser(t, { fullName: 'Ada Lovelace', password: PASSWORD });
    await applyFor(t, member, professional);
    await register(t, member, eventId);
    // Open to read, so the signed-in member (whose dues are not paid yet) reads it; members in good standing post.
    forumId = await createForum(t, admin, { title: 'Ethics corner', membersOnly: false });
    threadId = await startThread(t, organiser, forumId, 'Gifts from clients', 'May I accept **a bottle of wine** from a client?');
    const colleague = await memberInGoodStanding(t, organiserTier, 'Alan Turing');
    await reply(t, colleague, threadId, 'Only if it is of _token value_, and write it down.');
  });
  afterAll(async () => {
    await portal?.close();
  });

  const shots: Shot[] = [
    { name: 'home', path: '/', ready: (page) => page.getByRole('article', { name: 'Professional' }).waitFor() },
    { name: 'events', path: '/events', ready: (page) => page.getByRole('article', { name: 'Annual Ethics Workshop' }).waitFor() },
    { name: 'event', path: () => `/events/${eventId}`, ready: (page) => page.getByRole('table').waitFor() },
    // The event page as a signed-in member sees it: the register panel (not registered yet: the Register button).
    { name: 'event-register', path: () => `/events/${meetupId}`, signedIn: true, ready: (page) => page.getByRole('region', { name: 'Tickets' }).getByRole('button', { name: 'Register' }).waitFor() },
    { name: 'study-groups', path: '/study-groups', ready: (page) => page.getByRole('article', { name: 'Tax Law Readers' }).waitFor() },
    { name: 'community', path: '/community', ready: (page) => page.getByRole('link', { name: 'Ethics corner' }).waitFor() },
    { name: 'community-space', path: () => `/community/spaces/${forumId}`, signedIn: true, ready: (page) => page.getByRole('link', { name: 'Gifts from clients' }).waitFor() },
    { name: 'community-thread', path: () => `/community/threads/${threadId}`, signedIn: true, ready: (page) => page.getByRole('article', { name: 'Alan Turing' }).waitFor() },
    { name: 'dashboard', path: '/dashboard', signedIn: true, ready: (page) => page.getByRole('region', { name: 'Your upcoming events' }).getByRole('link').first().waitFor() },
    { name: 'privacy', path: '/privacy', signedIn: true, ready: (page) => page.getByRole('button', { name: 'Request my data export' }).waitFor() },
  ];

  it('takes each page at desktop and phone size', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await portal.newPortalPage({ viewport });
      await page.goto('/login');
      await page.getByLabel('Email').fill(member.email);
      await page.getByLabel(/^Password/).fill(PASSWORD);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('button', { name: 'Ada Lovelace' }).waitFor();
      const visitor = await portal.newPortalPage({ viewport });
      for (const shot of shots) {
        const target = shot.signedIn ? page : visitor;
        await target.goto(typeof shot.path === 'string' ? shot.path : shot.path());
        await shot.ready(target);
        await target.screenshot({ path: `${OUT}/${shot.name}-${viewport}.png`, fullPage: viewport === 'phone' });
      }
    }
  });
});
