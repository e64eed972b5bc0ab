import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freePort } from '../../../libs/core/src/database/embedded/free-port.js';
import { startFakeStripe, type FakeStripe } from '../../fake-stripe/index.js';
import { startTestApp, type TestApp } from '../../utils/test-app.js';
import { launchBrowser, VIEWPORTS, type ViewportName } from './browser.js';

export const WEB_DIR = resolve('dist/web');
const WEBHOOK_SECRET = 'whsec_browser';

export interface Portal {
  /** The real API (serving dist/web) on a fresh database. */
  t: TestApp;
  fake: FakeStripe;
  browser: Browser;
  /** Where the browser opens the portal. */
  url: string;
  /** A new page in its own context (own cookies), sized for a phone or a desktop, light or dark. */
  newPortalPage(options?: { viewport?: ViewportName; colorScheme?: 'light' | 'dark' }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The portal as people get it: the API serving the built dist/web on the local PostgreSQL (a
 * fresh database from the template), the fake Stripe, and a headless Chromium.
 * `npm run test:browser` builds the portal first.
 */
export async function startPortal(env: Record<string, string> = {}): Promise<Portal> {
  if (!existsSync(resolve(WEB_DIR, 'index.html'))) throw new Error(`${WEB_DIR} has no build: run \`npm run build:web\` (npm run test:browser does)`);
  const fake = await startFakeStripe({ port: 0 });
  // Stripe's success and cancel URLs, and emailed links, are built from PUBLIC_URL: the browser must
  // come back to this very app, so the port is chosen before it starts.
  // Another process may take that port before the API listens on it: then try another one.
  const start = async (attempt: number): Promise<TestApp> => {
    const port = await freePort();
    try {
      return await startTestApp({
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        GUILDHALL_WEB_DIR: WEB_DIR,
        STRIPE_SECRET_KEY: 'sk_test_browser',
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        STRIPE_API_URL: fake.url,
        ...env,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 3) throw error;
      return start(attempt + 1);
    }
  };
  const t = await start(1);
  // The API listens on a port chosen at start: links it makes (Stripe's return pages) must point at it.
  Object.assign(t.config, { publicUrl: t.url });
  fake.configureWebhooks({ url: `${t.url}/webhooks/stripe`, secret: WEBHOOK_SECRET, autoDeliver: true });
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  return {
    t,
    fake,
    browser,
    url: t.url,
    async newPortalPage(options = {}) {
      const viewport = VIEWPORTS[options.viewport ?? 'desktop'];
      const context = await browser.newContext({
        baseURL: t.url,
        viewport,
        locale: 'en-US',
        timezoneId: 'Europe/London',
        reducedMotion: 'reduce',
        colorScheme: options.colorScheme ?? 'light',
      });
      context.setDefaultTimeout(10_000);
      contexts.push(context);
      return context.newPage();
    },
    async close() {
      await Promise.allSettled(contexts.map((context) => context.close()));
      await browser.close().catch(() => undefined);
      await t.close();
      await fake.close();
    },
  };
}
