/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { collectProblems, createAdminUser, createTier, expectAccessible, signUpUser, startPortal, type Portal, type TestUser } from './support/index.js';

const APPLY = `mutation($tierId: ID!) { applyForMembership(tierId: $tierId) { status } }`;
const PROFILE = `mutation($input: UpdateProfileInput!) { updateMyProfile(input: $input) { id } }`;

describe('portal: profile and member directory', () => {
  let portal: Portal;
  let tierId: string;
  let me: TestUser;

  /** A member in good standing (a free tier is active at once) with a profile. */
  async function listedMember(fullName: string, profile: Record<string, unknown>): Promise<TestUser> {
    const user = await signUpUser(portal.t, { fullName });
    const applied = await portal.t.gql(APPLY, { tierId }, user.accessToken);
    expect(applied.data?.applyForMembership.status).toBe('ACTIVE');
    const updated = await portal.t.gql(PROFILE, { input: { directoryVisible: true, ...profile } }, user.accessToken);
    expect(updated.errors).toBeUndefined();
    return user;
  }

  beforeAll(async () => {
    portal = await startPortal();
    const admin = await createAdminUser(portal.t);
    tierId = await createTier(portal.t, admin, { name: 'Student', price: { amount: 0, currency: 'USD' }, billingInterval: 'YEAR' });
    await listedMember('Ada Welder', { skills: ['Welding', 'Surveying'], location: 'Leeds, UK', headline: 'Site engineer' });
    await listedMember('Bea Surveyor', { skills: ['Surveying'], location: 'Bristol, UK' });
    // Enough listed members for a second page (20 a page).
    for (let i = 0; i < 19; i++) await listedMember(`Filler Member ${String(i).padStart(2, '0')}`, { skills: ['Drafting'] });
    // Opted out: never listed.
    const hidden = await signUpUser(portal.t, { fullName: 'Hidden Welder' });
    await portal.t.gql(APPLY, { tierId }, hidden.accessToken);
    await portal.t.gql(PROFILE, { input: { skills: ['Welding'], directoryVisible: false } }, hidden.accessToken);
    me = await signUpUser(portal.t, { fullName: 'Cy Newcomer', password: 'newcomer password' });
    await portal.t.gql(APPLY, { tierId }, me.accessToken);
  }, 120_000);
  afterAll(async () => {
    await portal?.close();
  });

  it('edits the profile, opts in, and finds members by skill, location and page', async () => {
    const page = await portal.newPortalPage();
    const problems = collectProblems(page);
    await page.goto('/login?next=%2Fprofile');
    await page.getByLabel('Email').fill(me.email);
    await page.getByLabel(/^Password/).fill('newcomer password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    await expectAccessible(page, 'profile');

    await page.getByLabel(/^Headline/).fill('Welding inspector');
    await page.getByLabel(/^Location/).fill('Leeds, UK');
    const skills = page.getByRole('combobox', { name: 'Skills' });
    await skills.fill('Welding');
    await skills.press('Enter');
    await page.getByRole('switch', { name: /List me in the member directory/ }).click({ force: true });
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Your profile is saved.').waitFor();
    const [row] = await portal.t.sql<{ directory_visible: boolean; skills: string[] }>(`SELECT directory_visible, skills FROM member_profiles WHERE user_id = $1`, [me.id]);
    expect(row).toMatchObject({ directory_visible: true, skills: ['welding'] });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Directory' }).click();
    await page.getByRole('heading', { level: 1, name: 'Member directory' }).waitFor();
    await page.getByText('22 members', { exact: true }).waitFor();
    await expectAccessible(page, 'directory');

    // Page two and back.
    await page.getByRole('button', { name: 'Next' }).click();
    // Page one's 20 articles stay until page two arrives: wait for page two's 2 (as for page one's 20 below), not for any article.
    await page.waitForFunction(() => document.querySelectorAll('article').length === 2);
    expect(await page.getByRole('article').count()).toBe(2);
    await page.getByRole('button', { name: 'Previous' }).click();
    await page.waitForFunction(() => document.querySelectorAll('article').length === 20);

    const search = page.getByRole('search', { name: 'Search the directory' });
    const skillFilter = search.getByRole('combobox', { name: 'Skills' });
    await skillFilter.fill('Welding');
    await skillFilter.press('Enter');
    await search.getByRole('button', { name: 'Search' }).click();
    await page.getByText('2 members', { exact: true }).waitFor();
    const names = await page.getByRole('article').getByRole('heading').allTextContents();
    expect(names.sort()).toEqual(['Ada Welder', 'Cy Newcomer']);
    expect(new URL(page.url()).searchParams.getAll('skill')).toEqual(['Welding']);

    await search.getByLabel(/^Location/).fill('Bristol');
    await search.getByRole('button', { name: 'Search' }).click();
    await page.getByText('No members match.').waitFor();
    await expectAccessible(page, 'directory with no match');
    expect(problems.filter((p) => !p.includes('40'))).toEqual([]);
  });

  it('searches the directory at phone size from a shared address', async () => {
    const page = await portal.newPortalPage({ viewport: 'phone' });
    await page.goto('/login?next=%2Fdirectory%3Flocation%3DBristol');
    await page.getByLabel('Email').fill(me.email);
    await page.getByLabel(/^Password/).fill('newcomer password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Member directory' }).waitFor();
    await page.getByText('1 member', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Bea Surveyor' }).waitFor();
    await expectAccessible(page, 'directory (phone)');
  });
});
