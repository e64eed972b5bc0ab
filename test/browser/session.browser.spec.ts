/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page, Request } from 'playwright-core';
import {
  applyFor, createAdminUser, createEvent, createTier, expectAccessible, register, signUpUser, startPortal, type Portal, type TestUser,
} from './support/index.js';

const PASSWORD = 'correct horse battery';

/** A GraphQL request for this operation: POSTed (mutations) or sent as GET (urql's queries). */
function isOperation(request: Request, name: string): boolean {
  const url = new URL(request.url());
  if (url.pathname !== '/graphql') return false;
  if (request.method() === 'GET') return url.searchParams.get('operationName') === name;
  return (request.postData() ?? '').includes(`"operationName":"${name}"`);
}

async function logInThroughThePage(page: Page, email: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
}

describe('portal: the dashboard and a session that stays alive', () => {
  let portal: Portal;
  let member: TestUser;
  let newcomer: TestUser;
  beforeAll(async () => {
    // 30 s access tokens: the portal plans its refresh 5 s after each sign-in.
    portal = await startPortal({ ACCESS_TOKEN_TTL_SECONDS: '30' });
    const { t } = portal;
    const admin = await createAdminUser(t);
    const tier = await createTier(t, admin, { name: 'Associate', price: { amount: 0, currency: 'USD' } });
    member = await signUpUser(t, { fullName: 'Mary Somerville', password: PASSWORD });
    const applied = await applyFor(t, member, tier);
    expect(applied.data?.applyForMembership.status).toBe('ACTIVE');
    const eventId = await createEvent(t, admin, { title: 'Spring Conference', kind: 'CONFERENCE', timezone: 'Europe/London' });
    expect((await register(t, member, eventId)).data?.registerForEvent.id).toEqual(expect.any(String));
    newcomer = await signUpUser(t, { fullName: 'New Comer', password: PASSWORD });
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('sends a visitor to log in first, then to the dashboard: membership and upcoming events, at phone size', async () => {
    const page = await portal.newPortalPage({ viewport: 'phone' });
    await page.goto('/dashboard');
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    expect(new URL(page.url()).search).toBe('?next=%2Fdashboard');
    await logInThroughThePage(page, member.email);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    const membership = page.getByRole('region', { name: 'Your membership' });
    await membership.getByText('Associate').waitFor();
    expect(await membership.textContent()).toMatch(/Active.*(Ends|Renews) on .*Manage membership/);
    const upcoming = page.getByRole('region', { name: 'Your upcoming events' });
    await upcoming.getByText('Spring Conference').waitFor();
    expect(await upcoming.getByRole('link', { name: 'All my events' }).getAttribute('href')).toBe('/my-events');
    await expectAccessible(page, 'dashboard (phone)');
  });

  it('shows what a newcomer can do next', async () => {
    const page = await portal.newPortalPage();
    await page.goto('/login?next=%2Fdashboard');
    await logInThroughThePage(page, newcomer.email);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByText('You are not a member yet.').waitFor();
    await page.getByText('No upcoming events.').waitFor();
    await expectAccessible(page, 'dashboard (newcomer)');
  });

  it('refreshes the access token before it expires, rotating the cookie, with nobody touching the page', async () => {
    const page = await portal.newPortalPage();
    await page.goto('/login?next=%2Fdashboard');
    await logInThroughThePage(page, member.email);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    const before = (await page.context().cookies()).find((c) => c.name === 'guildhall_refresh')?.value;
    expect(before).toBeDefined();
    const refreshed = await page.waitForResponse((response) => isOperation(response.request(), 'RefreshSession'), { timeout: 15_000 });
    expect(((await refreshed.json()) as { data: { refreshSession: { accessToken: string } } }).data.refreshSession.accessToken).toEqual(expect.any(String));
    const after = (await page.context().cookies()).find((c) => c.name === 'guildhall_refresh')?.value;
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    // Still signed in with the new token.
    await page.reload();
    await page.getByRole('region', { name: 'Your membership' }).getByText('Associate').waitFor();
  });

  it('refreshes once and retries when the API answers UNAUTHENTICATED', async () => {
    const page = await portal.newPortalPage();
    await page.goto('/login');
    await logInThroughThePage(page, member.email);
    await page.getByRole('button', { name: 'Mary Somerville' }).waitFor();

    // The next Dashboard request goes out with a token the API refuses (as an expired one would be).
    let tampered = 0;
    await page.route((url) => url.pathname === '/graphql', async (route) => {
      const request = route.request();
      if (tampered === 0 && isOperation(request, 'DashboardPage')) {
        tampered++;
        await route.continue({ headers: { ...request.headers(), authorization: 'Bearer not-a-valid-token' } });
        return;
      }
      await route.continue();
    });
    const refreshes: Request[] = [];
    page.on('request', (request) => {
      if (isOperation(request, 'RefreshSession')) refreshes.push(request);
    });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('region', { name: 'Your membership' }).getByText('Associate').waitFor();
    expect(tampered).toBe(1);
    expect(refreshes).toHaveLength(1);
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});
