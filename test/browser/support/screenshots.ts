import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * `npm run screenshots` runs the browser specs with GUILDHALL_SCREENSHOTS set to a folder; each call
 * then saves the visible part of the page there as `<name>.png` (for the README). Otherwise it does nothing.
 */
export async function captureScreenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.GUILDHALL_SCREENSHOTS;
  if (!folder) return;
  await mkdir(resolve(folder), { recursive: true });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: resolve(folder, `${name}.png`), animations: 'disabled', caret: 'hide' });
}
