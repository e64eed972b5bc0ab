/// <reference lib="dom" />
/**
 * Portal benchmark: the time from navigation to a usable dashboard, measured in Chromium (playwright-core and
 * Debian's chromium with the browser tests' flags, test/browser/support/browser.ts) for the seeded bench member.
 *
 * "Usable" is the first animation frame in which the dashboard's h1 is shown, its data has arrived (the
 * membership card is rendered in place of the loading state) and no route is loading; the figure is that
 * frame's `performance.now()`, i.e. milliseconds since the navigation started, read in the page itself so
 * that the automation's round trips are not counted. Two cases, BENCH_PORTAL_RUNS (default 20) each:
 *   - cold: a new browser context each time (empty HTTP cache), signed in by its refresh cookie;
 *   - warm: one context, the same reload repeated (hashed assets come from the HTTP cache).
 * Every navigation restores the session from the httpOnly cookie (refreshSession) before the dashboard query,
 * as a real reload does. Needs the built portal (`npm run build:web`, served by the API from dist/web) and
 * DATABASE_URL naming a database seeded with `npm run seed:bench`. Called by bench/run.ts (`--only portal`).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BENCH_MEMBER_EMAIL, BENCH_MEMBER_PASSWORD } from '../scripts/seed/bench.js';
import { launchBrowser } from '../test/browser/support/browser.js';
import { startApiServer } from './api-server.js';
import { printTable } from './table.js';

const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }`;
const VIEWPORT = { width: 1280, height: 800 };

/** Milliseconds since navigation start once the dashboard is usable; false until then (polled every frame). */
function dashboardReady(): number | false {
  const heading = document.querySelector('main h1');
  const loaded = document.getElementById('dashboard-membership') !== null;
  const busy = document.querySelector('main[aria-busy="true"]') !== null;
  return heading?.textContent === 'Dashboard' && loaded && !busy ? performance.now() : false;
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return value;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Signs the context in the way the portal does: logIn with the cookie session, so the refresh cookie is set. */
async function signIn(context: BrowserContext, url: string): Promise<void> {
  const response = await context.request.post(`${url}/graphql`, {
    headers: { 'content-type': 'application/json', 'x-guildhall-session': 'cookie' },
    data: { query: LOG_IN, variables: { input: { email: BENCH_MEMBER_EMAIL, password: BENCH_MEMBER_PASSWORD } } },
  });
  const body = (await response.json()) as { errors?: unknown };
  if (!response.ok() || body.errors) {
    throw new Error(`cannot log in as ${BENCH_MEMBER_EMAIL} (${JSON.stringify(body.errors ?? response.status())}): seed the database with npm run seed:bench`);
  }
}

async function timeDashboard(page: Page, url: string): Promise<number> {
  await page.goto(`${url}/dashboard`, { waitUntil: 'commit' });
  const ready = await page.waitForFunction(dashboardReady, undefined, { polling: 'raf', timeout: 30_000 });
  return (await ready.jsonValue()) as number;
}

async function coldRuns(browser: Browser, url: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ baseURL: url, viewport: VIEWPORT });
    try {
      await signIn(context, url);
      times.push(await timeDashboard(await context.newPage(), url));
    } finally {
      await context.close();
    }
  }
  return times;
}

async function warmRuns(browser: Browser, url: string, runs: number): Promise<number[]> {
  const context = await browser.newContext({ baseURL: url, viewport: VIEWPORT });
  try {
    await signIn(context, url);
    const page = await context.newPage();
    await timeDashboard(page, url); // fills the HTTP cache; not counted
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await timeDashboard(page, url));
    return times;
  } finally {
    await context.close();
  }
}

function row(name: string, times: number[]): string[] {
  const sorted = [...times].sort((a, b) => a - b);
  return [name, String(sorted.length), percentile(sorted, 50).toFixed(0), percentile(sorted, 95).toFixed(0), sorted[sorted.length - 1].toFixed(0)];
}

export async function runPortalBench(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL must name a database seeded with `npm run seed:bench`');
  if (!existsSync(resolve('dist/web/index.html'))) throw new Error('no built portal in dist/web: run `npm run build:web` first');
  const runs = positiveInt('BENCH_PORTAL_RUNS', 20);
  const server = await startApiServer(databaseUrl);
  const browser = await launchBrowser();
  try {
    const cold = await coldRuns(browser, server.url, runs);
    const warm = await warmRuns(browser, server.url, runs);
    console.log(`Navigation to a usable /dashboard (ms since navigation start, ${VIEWPORT.width}x${VIEWPORT.height}, headless Chromium ${browser.version()}):`);
    printTable(['case', 'runs', 'p50', 'p95', 'max'], [row('cold (new context, empty cache)', cold), row('warm (reload, cached assets)', warm)]);
  } finally {
    await browser.close();
    await server.stop();
  }
}
