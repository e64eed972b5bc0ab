/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { totpCode } from '../factories/totp.js';
import type { Page } from 'playwright-core';
import { collectProblems, expectAccessible, logInThroughPage, signUpUser, startPortal, type Portal } from './support/index.js';

async function logOut(page: Page, fullName: string): Promise<void> {
  await page.getByRole('button', { name: fullName }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await page.getByRole('link', { name: 'Log in' }).first().waitFor();
}

async function passwordStep(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

describe('portal: two-factor sign-in', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.close();
  }, 180_000);

  it('enrols with a code, then log-in asks for it: a wrong code is refused beside the field, the right one and a recovery code (once) sign in', async () => {
    const user = await signUpUser(portal.t, { fullName: 'Careful Twofactor' });
    const page = await portal.newPortalPage();
    const problems = collectProblems(page);
    await logInThroughPage(page, user, 'Careful Twofactor', '/account');
    await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
    const section = page.getByRole('region', { name: 'Two-factor sign-in' });
    await section.getByText('Off', { exact: true }).waitFor();
    await section.getByRole('button', { name: 'Set up two-factor sign-in' }).click();

    // The QR code is an image (the SVG as a data: URL, never markup in the page) beside the key.
    const qr = section.getByRole('img', { name: 'QR code for your authenticator app' });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    const secret = (await section.getByLabel('Key for manual entry').textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expectAccessible(page, 'account: two-factor enrolment');

    await section.getByLabel('Code from your app').fill('12345');
    await section.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await section.getByText('Enter the six digits from your app').waitFor();
    // The previous step's code (still accepted for clock drift) enrols; the log-in below uses the current one.
    await section.getByLabel('Code from your app').fill(totpCode(secret, -1));
    await section.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    const codesList = section.getByRole('list', { name: 'Recovery codes' });
    await codesList.waitFor();
    const recoveryCodes = (await codesList.getByRole('listitem').allTextContents()).map((c) => c.trim());
    expect(recoveryCodes).toHaveLength(10);
    await section.getByRole('button', { name: 'Download the codes' }).waitFor();
    await expectAccessible(page, 'account: recovery codes');
    await section.getByRole('button', { name: 'I have saved them' }).click();
    await section.getByText('On', { exact: true }).waitFor();
    await section.getByText('10 recovery codes left.').waitFor();
    expect(await section.getByRole('list', { name: 'Recovery codes' }).count()).toBe(0); // shown once

    await logOut(page, 'Careful Twofactor');
    await passwordStep(page, user.email, user.password);
    const codeField = page.getByLabel('Code from your app');
    await codeField.waitFor();
    await page.getByText('This account signs in with a second factor.').waitFor();
    await expectAccessible(page, 'log in: second factor');
    const right = totpCode(secret);
    await codeField.fill(right === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('This code is not right. Enter the current code from your app.').waitFor();
    expect(await codeField.getAttribute('aria-invalid')).toBe('true');
    await codeField.fill(totpCode(secret));
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'Careful Twofactor' }).waitFor();

    // A recovery code signs in once.
    await logOut(page, 'Careful Twofactor');
    await passwordStep(page, user.email, user.password);
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code').fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'Careful Twofactor' }).waitFor();
    await logOut(page, 'Careful Twofactor');
    await passwordStep(page, user.email, user.password);
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code').fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('This recovery code is not right or was used already.').waitFor();
    expect(await page.getByRole('button', { name: 'Careful Twofactor' }).count()).toBe(0);

    // Another recovery code signs in, and turns two-factor sign-in off from the account page.
    await page.getByLabel('Recovery code').fill(recoveryCodes[1]!);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'Careful Twofactor' }).waitFor();
    await page.goto('/account');
    await section.getByText('8 recovery codes left.').waitFor();
    await section.getByLabel('Code from your app or a recovery code').fill('not-a-code');
    await section.getByRole('button', { name: 'Turn off two-factor sign-in' }).click();
    await section.getByText('is neither the current code nor an unused recovery code').waitFor();
    await section.getByLabel('Code from your app or a recovery code').fill(recoveryCodes[2]!);
    await section.getByRole('button', { name: 'Turn off two-factor sign-in' }).click();
    await section.getByText('Off', { exact: true }).waitFor();
    expect((await portal.t.gql(`mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }`, { input: { email: user.email, password: user.password } })).errors).toBeUndefined();
    expect(problems.filter((p) => !p.includes('40'))).toEqual([]);
  }, 180_000);
});
