import type { Page } from 'playwright-core';
import type { TestUser } from '../../factories/users.js';

/** Logs in through the portal's own form and waits until the account menu (the person's name) shows. */
export async function logInThroughPage(page: Page, user: Pick<TestUser, 'email' | 'password'>, fullName: string, next = '/'): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel(/^Password/).fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('button', { name: fullName }).waitFor();
}
