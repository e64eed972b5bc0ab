import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { linkSentTo } from '../../factories/account-flows.js';
import { createAdminUser, createTier, signUpUser, startPortal, type Portal, type TestUser } from '../support/index.js';

/**
 * `npm run screenshots`: the member's pages (dashboard, membership, profile, directory, account)
 * at desktop and phone size, written to docs/screenshots/<page>-<viewport>.png for the README.
 */
const OUT = resolve('docs/screenshots');
const PASSWORD = 'correct horse battery';
const APPLY = `mutation($tierId: ID!) { applyForMembership(tierId: $tierId) { id } }`;
const PROFILE = `mutation($input: UpdateProfileInput!) { updateMyProfile(input: $input) { id } }`;

interface Shot {
  name: string;
  path: string;
  ready: (page: Page) => Promise<unknown>;
}

const shots: Shot[] = [
  { name: 'dashboard', path: '/dashboard', ready: (page) => page.getByRole('region', { name: 'Your membership' }).getByRole('link').first().waitFor() },
  { name: 'membership', path: '/membership', ready: (page) => page.getByRole('button', { name: 'Pay dues' }).waitFor() },
  { name: 'profile', path: '/profile', ready: (page) => page.getByRole('button', { name: 'Save profile' }).waitFor() },
  { name: 'directory', path: '/directory', ready: (page) => page.getByRole('article').first().waitFor() },
  { name: 'account', path: '/account', ready: (page) => page.getByText('This session').waitFor() },
];

describe('screenshots of the member pages', () => {
  let portal: Portal;
  let member: TestUser;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    portal = await startPortal();
    const { t } = portal;
    const admin = await createAdminUser(t);
    const professional = await createTier(t, admin, { name: 'Professional', price: { amount: 18000, currency: 'USD' }, billingInterval: 'YEAR' });
    await createTier(t, admin, { name: 'Early career', price: { amount: 1500, currency: 'USD' }, billingInterval: 'MONTH' });
    const free = await createTier(t, admin, { name: 'Retired', price: { amount: 0, currency: 'USD' }, billingInterval: 'YEAR' });
    const people = [
      { fullName: 'Grace Hopper', headline: 'Compiler engineer', employer: 'Navy Labs', location: 'Arlington, US', skills: ['compilers', 'cobol'] },
      { fullName: 'Katherine Johnson', headline: 'Orbital mechanics', employer: 'Langley', location: 'Hampton, US', skills: ['trajectories', 'numerical methods'] },
      { fullName: 'Tim Berners-Lee', headline: 'Web architect', location: 'London, UK', skills: ['hypertext', 'standards'] },
    ];
    for (const person of people) {
      const user = await signUpUser(t, { fullName: person.fullName });
      await t.gql(APPLY, { tierId: free }, user.accessToken);
      const { fullName: _name, ...profile } = person;
      await t.gql(PROFILE, { input: { ...profile, directoryVisible: true } }, user.accessToken);
    }
    member = await signUpUser(t, { fullName: 'Ada Lovelace', password: PASSWORD });
    const { token } = await linkSentTo(t, member.email, 'account-verify-email');
    await t.gql(`mutation($token: String!) { verifyEmail(token: $token) }`, { token });
    await t.gql(APPLY, { tierId: professional }, member.accessToken);
    await t.gql(PROFILE, { input: { headline: 'Analyst', location: 'London, UK', skills: ['mathematics', 'engines'] } }, member.accessToken);
  }, 60_000);
  afterAll(async () => {
    await portal?.close();
  });

  it('takes each page at desktop and phone size', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await portal.newPortalPage({ viewport });
      await page.goto('/login');
      await page.getByLabel('Email').fill(member.email);
      await page.getByLabel(/^Password/).fill(PASSWORD);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('button', { name: 'Ada Lovelace' }).waitFor();
      for (const shot of shots) {
        await page.goto(shot.path);
        await shot.ready(page);
        await page.getByRole('button', { name: 'Ada Lovelace' }).waitFor();
        await page.screenshot({ path: `${OUT}/${shot.name}-${viewport}.png`, fullPage: viewport === 'phone' });
      }
    }
  });
});
