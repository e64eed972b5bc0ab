/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { collectProblems, createAdminUser, createTier, expectAccessible, startPortal, uniqueEmail, type Portal } from './support/index.js';

describe('portal: home, sign up, log out, log in', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
    const admin = await createAdminUser(portal.t);
    await createTier(portal.t, admin, { name: 'Professional', price: { amount: 12000, currency: 'USD' }, billingInterval: 'YEAR' });
    await createTier(portal.t, admin, { name: 'Student', price: { amount: 0, currency: 'USD' }, billingInterval: 'YEAR' });
    // Home names the association from the API (`association { name }`), not the app's catalogue.
    const renamed = await portal.t.gql(`mutation { updateAssociationSettings(input: { name: "Society of Practitioners" }) { name } }`, {}, admin.accessToken);
    expect(renamed.errors).toBeUndefined();
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('shows the association, its tiers with prices and a way to join, at phone size', async () => {
    const page = await portal.newPortalPage({ viewport: 'phone' });
    const problems = collectProblems(page);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Society of Practitioners' }).waitFor();
    const professional = page.getByRole('article', { name: 'Professional' });
    await professional.waitFor();
    expect(await professional.getByText('$120.00 a year').isVisible()).toBe(true);
    expect(await page.getByRole('article', { name: 'Student' }).getByText('Free').isVisible()).toBe(true);
    expect(await professional.getByRole('link', { name: 'Join as Professional' }).getAttribute('href')).toMatch(/^\/signup/);
    expect(await page.title()).toBe('Society of Practitioners');
    await expectAccessible(page, 'home (phone)');

    // The navigation is behind the burger on a phone.
    const burger = page.getByRole('button', { name: 'Open navigation' });
    await burger.click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).waitFor();
    await expectAccessible(page, 'home with the navigation open (phone)');
    expect(problems).toEqual([]);
  });

  it('signs up, logs out and logs in again; the session survives a reload and stays out of web storage', async () => {
    const page = await portal.newPortalPage();
    const problems = collectProblems(page);
    const email = uniqueEmail('browser');
    const password = 'a long enough password';

    await page.goto('/');
    await page.getByRole('link', { name: 'Sign up' }).click();
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    expect(await page.title()).toBe('Create your account · Guildhall');
    await expectAccessible(page, 'sign up');

    // The API's own answer shows beside the field it names: the address is already taken.
    await page.getByLabel('Full name').fill('Ada Lovelace');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel(/^Password/).fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Use at least 10 characters').waitFor();
    await page.getByLabel(/^Password/).fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();

    const menu = page.getByRole('button', { name: 'Ada Lovelace' });
    await menu.waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length }))).toEqual({ local: 0, session: 0 });
    const cookies = await page.context().cookies();
    expect(cookies.map((c) => ({ name: c.name, httpOnly: c.httpOnly, path: c.path, sameSite: c.sameSite }))).toEqual([
      { name: 'guildhall_refresh', httpOnly: true, path: '/graphql', sameSite: 'Lax' },
    ]);
    expect(await page.evaluate(() => document.cookie)).toBe('');

    // A reload keeps the session: the portal trades the cookie for a new access token.
    await page.reload();
    await menu.waitFor();

    await menu.click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.getByRole('link', { name: 'Log in' }).waitFor();
    expect(await page.context().cookies()).toEqual([]);
    await page.reload();
    await page.getByRole('link', { name: 'Log in' }).waitFor();
    expect(await menu.count()).toBe(0);

    // A wrong password is said in the form's alert, and the inputs stay.
    await page.getByRole('link', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await expectAccessible(page, 'log in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel(/^Password/).fill('not the password');
    await page.getByRole('button', { name: 'Log in' }).click();
    expect(await page.getByRole('alert').filter({ hasText: 'The email or password is not right' }).textContent()).toContain('not right');
    expect(await page.getByLabel('Email').inputValue()).toBe(email);

    await page.getByLabel(/^Password/).fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await menu.waitFor();
    await expectAccessible(page, 'home, signed in');
    expect(problems.filter((p) => !p.includes('401') && !p.includes('400'))).toEqual([]);
  });

  it('names a taken email beside the email field', async () => {
    const page = await portal.newPortalPage({ viewport: 'phone' });
    const email = uniqueEmail('taken');
    await portal.t.gql(`mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`, {
      input: { email, password: 'correct horse battery', fullName: 'First Owner' },
    });
    await page.goto('/signup');
    await page.getByLabel('Full name').fill('Second Person');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel(/^Password/).fill('another long password');
    await page.getByRole('button', { name: 'Create account' }).click();
    const emailField = page.getByLabel('Email');
    await page.getByText('is already registered').waitFor();
    expect(await emailField.getAttribute('aria-invalid')).toBe('true');
    expect(await emailField.inputValue()).toBe(email);
    await expectAccessible(page, 'sign up with an error');
  });

  it('shows a not-found page with its own title, and the skip link reaches the content', async () => {
    const page = await portal.newPortalPage();
    await page.goto('/no/such/page');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(await page.title()).toBe('Page not found · Guildhall');
    await expectAccessible(page, 'not found');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
  });
});
