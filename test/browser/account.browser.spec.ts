/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { INVITE, linkSentTo } from '../factories/account-flows.js';
import { collectProblems, createAdminUser, createTier, expectAccessible, logIn, signUpUser, startPortal, uniqueEmail, type Portal } from './support/index.js';

describe('portal: account pages (password reset, account, sessions)', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal({ ACCOUNT_EMAILS_MAX_PER_ADDRESS: '1000' });
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('resets a forgotten password from the log-in page at phone size, and the new one works', async () => {
    const user = await signUpUser(portal.t, { fullName: 'Forgetful Member', password: 'the old password' });
    const page = await portal.newPortalPage({ viewport: 'phone' });
    const problems = collectProblems(page);

    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
    await expectAccessible(page, 'forgot password (phone)');
    await page.getByLabel('Email').fill(user.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByText('a link to set a new password is on its way').waitFor();

    // The reset is handed to a job (the answer's timing says nothing about the account): run it.
    await portal.t.runJobs();
    const { token } = await linkSentTo(portal.t, user.email, 'account-password-reset');
    await page.goto(`/reset-password?token=${token}`);
    await page.getByRole('heading', { level: 1, name: 'Set a new password' }).waitFor();
    await page.getByText(`For ${user.email}`).waitFor();
    await expectAccessible(page, 'reset password (phone)');
    // The API's rule shows beside the field, and the input stays.
    await page.getByLabel(/^New password/).fill('short');
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByText('Use at least 10 characters').waitFor();
    await page.getByLabel(/^New password/).fill('a brand new password');
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByText('Your password is set').waitFor();

    // The link works once: opened again, the page says so (accountLink) and offers a new one.
    await page.goto(`/reset-password?token=${token}`);
    await page.getByRole('alert').filter({ hasText: 'This link no longer works' }).waitFor();
    await page.getByRole('link', { name: 'Ask for a new link' }).waitFor();
    expect(await page.getByLabel(/^New password/).count()).toBe(0);
    await expectAccessible(page, 'reset password with a spent link (phone)');

    await page.goto('/login');
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel(/^Password/).fill('a brand new password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'Forgetful Member' }).waitFor();
    await expect(logIn(portal.t, user.email, 'the old password')).rejects.toThrow();
    expect(problems.filter((p) => !p.includes('40'))).toEqual([]);
  });

  it('lists sessions, signs out everywhere else, and changes the password on the account page', async () => {
    const user = await signUpUser(portal.t, { fullName: 'Careful Member', password: 'careful password 1' });
    const elsewhere = await logIn(portal.t, user.email, user.password);
    const page = await portal.newPortalPage();

    await page.goto('/login?next=%2Faccount');
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel(/^Password/).fill(user.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
    const sessions = page.getByRole('list', { name: 'Sessions' });
    await sessions.getByText('This session').waitFor();
    expect(await sessions.getByRole('listitem').count()).toBe(3);
    await expectAccessible(page, 'account');

    await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
    await page.getByText('2 other sessions ended.').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[aria-label="Sessions"] li').length === 1);
    const refreshed = await portal.t.gql(`mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`, { t: elsewhere.refreshToken });
    expect(refreshed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // A wrong current password is named beside its field; the inputs stay.
    const password = page.getByRole('region', { name: 'Password' });
    await password.getByLabel(/^Current password/).fill('not my password');
    await password.getByLabel(/^New password/).fill('careful password 2');
    await password.getByRole('button', { name: 'Change password' }).click();
    await page.getByText(/not right|incorrect|wrong/i).first().waitFor();
    expect(await password.getByLabel(/^New password/).inputValue()).toBe('careful password 2');
    await password.getByLabel(/^Current password/).fill(user.password);
    await password.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password is changed').waitFor();
    await logIn(portal.t, user.email, 'careful password 2');
    await expectAccessible(page, 'account after changes');
  });

  it('lets an imported member claim the account from the invitation at phone size, and stay signed in', async () => {
    const admin = await createAdminUser(portal.t);
    await createTier(portal.t, admin, { name: 'Imported Tier' });
    const email = uniqueEmail('imported');
    const day = Math.floor(Date.now() / 86_400_000) * 86_400_000;
    const response = await fetch(`${portal.url}/admin/members/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${admin.accessToken}` },
      body: `email,full_name,tier,status,current_period_end,joined_at\n${email},Imported Member,Imported Tier,ACTIVE,${new Date(day + 100 * 86_400_000).toISOString()},${new Date(day - 10 * 86_400_000).toISOString()}\n`,
    });
    expect(response.status).toBe(200);
    const [{ id }] = await portal.t.sql<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [email]);
    expect((await portal.t.gql(INVITE, { ids: [id] }, admin.accessToken)).errors).toBeUndefined();
    const { token } = await linkSentTo(portal.t, email, 'account-invitation');

    const page = await portal.newPortalPage({ viewport: 'phone' });
    await page.goto(`/claim?token=${token}`);
    await page.getByRole('heading', { level: 1, name: 'Set up your account' }).waitFor();
    await page.getByText(`For ${email}`).waitFor();
    await expectAccessible(page, 'claim (phone)');
    await page.getByLabel(/^Password/).fill('my own password');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByRole('region', { name: 'Your membership' }).getByText('Imported Tier').waitFor();
    // Signed in through the browser session's cookie: a reload keeps the session.
    await page.reload();
    await page.getByRole('region', { name: 'Your membership' }).getByText('Imported Tier').waitFor();
    await logIn(portal.t, email, 'my own password');
  });
});
