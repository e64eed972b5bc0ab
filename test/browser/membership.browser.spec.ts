/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { linkSentTo, setRequireVerifiedEmail } from '../factories/account-flows.js';
import { collectProblems, createAdminUser, createTier, expectAccessible, startPortal, uniqueEmail, type Portal } from './support/index.js';

describe('portal: sign up, verify, apply, pay, active (membership and dashboard)', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
    const admin = await createAdminUser(portal.t);
    await createTier(portal.t, admin, { name: 'Professional', price: { amount: 12000, currency: 'USD' }, billingInterval: 'YEAR' });
    await createTier(portal.t, admin, { name: 'Associate', price: { amount: 6000, currency: 'USD' }, billingInterval: 'YEAR' });
    // Applying and paying wait for a verified email: the pages must say so.
    await setRequireVerifiedEmail(portal.t, admin.accessToken, true);
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('takes a new person from sign-up through verification and Stripe Checkout to an active membership', async () => {
    const page = await portal.newPortalPage();
    const problems = collectProblems(page);
    const email = uniqueEmail('joiner');

    await page.goto('/signup');
    await page.getByLabel('Full name').fill('Grace Hopper');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel(/^Password/).fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('button', { name: 'Grace Hopper' }).waitFor();

    // Until the email is verified, a banner says what waits for it.
    const banner = page.getByRole('region', { name: 'Verify your email' });
    await banner.getByText('you cannot apply, pay dues or register').waitFor();

    // The dashboard: no membership yet, the next step is to choose one.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByText('You are not a member yet.').waitFor();
    await page.getByText('No upcoming events.').waitFor();
    await expectAccessible(page, 'dashboard without a membership');
    await page.getByRole('link', { name: 'Choose a membership' }).click();

    // Applying before verifying is refused, and the page says why.
    await page.getByRole('heading', { level: 1, name: 'Membership' }).waitFor();
    await expectAccessible(page, 'membership: choose a tier');
    await page.getByRole('button', { name: 'Apply for Professional' }).click();
    await page.getByRole('alert').filter({ hasText: /verif/i }).first().waitFor();
    expect(await page.getByText('No payments yet.').isVisible()).toBe(true);

    // The emailed link (read from the outbox) verifies the address; the banner goes away.
    const { token } = await linkSentTo(portal.t, email, 'account-verify-email');
    await page.goto(`/verify-email?token=${token}`);
    await page.getByText('your email is verified').waitFor();
    await expectAccessible(page, 'verify email');
    expect(await banner.count()).toBe(0);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Membership' }).click();
    await page.getByRole('button', { name: 'Apply for Professional' }).click();
    await page.getByText('Waiting for payment').waitFor();
    expect(await page.getByRole('button', { name: 'Apply for Associate' }).count()).toBe(0);
    await expectAccessible(page, 'membership waiting for payment');

    // Stripe Checkout (the fake's page at the session's url) pays and sends the browser back.
    await page.getByRole('button', { name: 'Pay dues' }).click();
    await page.waitForURL((url) => url.toString().startsWith(portal.fake.url));
    await page.getByRole('button', { name: 'Pay' }).click();
    await page.waitForURL(/\/membership\/checkout\/complete\?session_id=/);
    await page.getByText('your membership is active').waitFor();
    await expectAccessible(page, 'checkout complete');
    await page.getByText('Paid until').waitFor();

    await page.getByRole('link', { name: 'Go to your membership' }).click();
    const current = page.getByRole('region', { name: 'Professional' });
    await current.getByText('Active', { exact: true }).waitFor();
    expect(await current.getByText(/^Current period:/).isVisible()).toBe(true);
    expect(await page.getByRole('switch', { name: 'Automatic renewal' }).isChecked()).toBe(true);
    const payments = page.getByRole('region', { name: 'Payments and receipts' });
    await payments.getByRole('cell', { name: '$120.00' }).waitFor();
    await expectAccessible(page, 'membership active');

    const [row] = await portal.t.sql<{ status: string }>(
      `SELECT m.status FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1`,
      [email.toLowerCase()],
    );
    expect(row.status).toBe('ACTIVE');

    // Automatic renewal off, then a tier change at the period end.
    await page.getByRole('switch', { name: 'Automatic renewal' }).click({ force: true });
    await page.getByText('Your membership ends at the end of the period').waitFor();
    await page.getByRole('button', { name: 'Renew now' }).waitFor();
    await page.getByLabel('Change tier', { exact: true }).first().click();
    await page.getByRole('option', { name: /Associate/ }).click();
    await page.getByRole('button', { name: 'Change at period end' }).click();
    await page.getByText(/Changes to Associate/).waitFor();
    await expectAccessible(page, 'membership with a tier change');

    expect(problems.filter((p) => !p.includes('40'))).toEqual([]);
  });

  it('shows an active member the dashboard at phone size', async () => {
    const page = await portal.newPortalPage({ viewport: 'phone' });
    const email = uniqueEmail('phone');
    const signUp = await portal.t.gql<{ signUp: { accessToken: string } }>(
      `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`,
      { input: { email, password: 'a long enough password', fullName: 'Phone Member' } },
    );
    const token = signUp.data!.signUp.accessToken;
    const { token: verify } = await linkSentTo(portal.t, email, 'account-verify-email');
    await portal.t.gql(`mutation($token: String!) { verifyEmail(token: $token) }`, { token: verify });
    const tiers = await portal.t.gql<{ membershipTiers: Array<{ id: string; name: string }> }>(`{ membershipTiers { id name } }`);
    const professional = tiers.data!.membershipTiers.find((tier) => tier.name === 'Professional')!;
    await portal.t.gql(`mutation($tierId: ID!) { applyForMembership(tierId: $tierId) { id } }`, { tierId: professional.id }, token);

    await page.goto('/login?next=%2Fdashboard');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel(/^Password/).fill('a long enough password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    const membership = page.getByRole('region', { name: 'Your membership' });
    await membership.getByText('Waiting for payment').waitFor();
    await membership.getByRole('link', { name: 'Pay dues' }).waitFor();
    await expectAccessible(page, 'dashboard (phone)');
    await membership.getByRole('link', { name: 'Pay dues' }).click();
    await page.getByRole('button', { name: 'Pay dues' }).waitFor();
    await expectAccessible(page, 'membership (phone)');
  });
});
