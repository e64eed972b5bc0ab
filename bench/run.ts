/**
 * `npm run bench` (builds with tsconfig.bench.json, then runs dist-bench/bench/run.js). Never part of `npm test`.
 *
 * Needs DATABASE_URL naming a database seeded for benchmarks:
 *   psql -h 127.0.0.1 -U postgres -c 'CREATE DATABASE guildhall_bench'
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/guildhall_bench npm run seed:bench -- --members 100000
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/guildhall_bench npm run bench
 *
 * Sections (all by default; `npm run bench -- --only http,sql` picks some):
 *   http      the built API as a child process, autocannon against me (a session's, an API token's), signUp, logIn and the directory
 *             (BENCH_DURATION seconds each, default 10; BENCH_CONNECTIONS, default 20)
 *   sql       SQL statements per request for the same operations, and for page sizes 10 and 100
 *   import    the member CSV import/export on a scratch database (BENCH_IMPORT_ROWS, default 50,000)
 *   matching  the mentor matching benchmark (bench/matching/matching.bench.ts), when it is built
 *   events    the events benchmark (bench/events.bench.ts), when it is built
 *   webhooks  Stripe webhook ingestion with 10% duplicates (bench/webhooks.bench.ts)
 *   reports   each staff report's query over the bench data, through the API (bench/reports.bench.ts)
 *   portal    navigation to a usable dashboard in headless Chromium, p50/p95 (bench/portal.bench.ts; needs npm run build:web)
 *   discussions  a thread of 1,000 replies by 20 concurrent writers, paged 50 at a time (statements per request), and one post delivered to 1,000 subscriptions (bench/discussions.bench.ts)
 * The signUp benchmark adds accounts (bench.signup.*) to the database on every run.
 */
import 'reflect-metadata';
import { cpus, loadavg, totalmem } from 'node:os';
import { startApiServer } from './api-server.js';
import { gql, logIn } from './graphql-client.js';
import { printHttpTable, runHttpBench } from './http.bench.js';
import { printImportTable, runImportBench } from './import-members.bench.js';
import { DIRECTORY, operations } from './scenarios.js';
import { countStatements, printStatementTable } from './statement-count.bench.js';
import { BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD, BENCH_MEMBER_EMAIL, BENCH_MEMBER_PASSWORD } from '../scripts/seed/bench.js';

const SECTIONS = ['http', 'sql', 'import', 'matching', 'events', 'webhooks', 'reports', 'portal', 'discussions'] as const;
type Section = (typeof SECTIONS)[number];

/** Benchmarks other features keep in their own files: run when their module is built, skipped otherwise. */
const PLUGINS: Array<{ section: Section; title: string; module: string; run: string }> = [
  { section: 'matching', title: 'Mentor matching', module: './matching/matching.bench.js', run: 'runMatchingBench' },
  { section: 'events', title: 'Events', module: './events.bench.js', run: 'runEventsBench' },
  { section: 'webhooks', title: 'Stripe webhooks', module: './webhooks.bench.js', run: 'runWebhookBench' },
  { section: 'reports', title: 'Staff reports', module: './reports.bench.js', run: 'runReportsBench' },
  { section: 'portal', title: 'Portal (browser)', module: './portal.bench.js', run: 'runPortalBench' },
  { section: 'discussions', title: 'Discussions', module: './discussions.bench.js', run: 'runDiscussionsBench' },
];

async function runPlugin(plugin: (typeof PLUGINS)[number]): Promise<void> {
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(new URL(plugin.module, import.meta.url).href)) as Record<string, unknown>;
  } catch (error) {
    console.log(`\n${plugin.title} benchmark not available (${(error as Error).message.split('\n')[0]}).`);
    return;
  }
  const run = loaded[plugin.run];
  if (typeof run !== 'function') {
    console.log(`\n${plugin.title} benchmark: ${plugin.module} does not export ${plugin.run}().`);
    return;
  }
  console.log(`\n${plugin.title}:`);
  await (run as () => Promise<void>)();
}

function selectedSections(argv: string[]): Set<Section> {
  const at = argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
  if (at < 0) return new Set(SECTIONS);
  const value = argv[at].includes('=') ? argv[at].split('=')[1] : argv[at + 1];
  const picked = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = picked.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (!picked.length || unknown.length) throw new Error(`--only takes a list of ${SECTIONS.join(', ')}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`);
  return new Set(picked as Section[]);
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return value;
}

/** An API token of the bench admin's (FINANCE), for the integrator's read; `revoke` ends it after the run. */
async function benchApiToken(url: string): Promise<{ secret: string; revoke: () => Promise<void> }> {
  const admin = await logIn(url, BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD);
  const made = await gql<{ createApiToken: { secret: string; token: { id: string } } }>(
    url,
    `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret token { id } } }`,
    { input: { name: `bench ${new Date().toISOString()}`, scopes: ['FINANCE'], expiresAt: new Date(Date.now() + 3_600_000).toISOString() } },
    admin,
  );
  const revoke = async () => {
    await gql(url, `mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, { id: made.createApiToken.token.id }, admin);
  };
  return { secret: made.createApiToken.secret, revoke };
}

/** The endCursor after `pages` directory pages of `first`, walked the way a client would. */
async function cursorAfterPages(url: string, token: string, pages: number, first: number): Promise<string> {
  let after: string | undefined;
  for (let page = 0; page < pages; page++) {
    const data = await gql<{ memberDirectory: { pageInfo: { hasNextPage: boolean; endCursor: string } } }>(url, DIRECTORY, { first, after }, token);
    if (!data.memberDirectory.pageInfo.hasNextPage) throw new Error(`the directory has fewer than ${pages * first} members: seed more (npm run seed:bench)`);
    after = data.memberDirectory.pageInfo.endCursor;
  }
  return after!;
}

async function main(): Promise<void> {
  const sections = selectedSections(process.argv.slice(2));
  const databaseUrl = process.env.DATABASE_URL;
  const duration = positiveInt('BENCH_DURATION', 10);
  const connections = positiveInt('BENCH_CONNECTIONS', 20);
  console.log(`Guildhall benchmarks: Node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB`);
  // Other work on the machine skews every figure: the load average says how much there was.
  console.log(`Load average at start (1/5/15 min): ${loadavg().map((l) => l.toFixed(2)).join(' / ')}`);

  if (sections.has('http') || sections.has('sql')) {
    if (!databaseUrl) throw new Error('DATABASE_URL must name a database seeded with `npm run seed:bench -- --members 100000`');
    const server = await startApiServer(databaseUrl);
    try {
      let token: string;
      try {
        token = await logIn(server.url, BENCH_MEMBER_EMAIL, BENCH_MEMBER_PASSWORD);
      } catch (error) {
        throw new Error(`cannot log in as ${BENCH_MEMBER_EMAIL} (${(error as Error).message}): seed the database first with npm run seed:bench -- --members 100000 (admin ${BENCH_ADMIN_EMAIL})`);
      }
      const deepCursor = await cursorAfterPages(server.url, token, 49, 20);
      const apiToken = await benchApiToken(server.url);
      try {
        const context = { memberEmail: BENCH_MEMBER_EMAIL, memberPassword: BENCH_MEMBER_PASSWORD, deepCursor, apiToken: apiToken.secret };
        if (sections.has('sql')) {
          console.log('\nSQL statements per request (one request each, after one unmeasured warm-up):');
          const counts = await countStatements(databaseUrl, operations({ ...context, signUpPrefix: `bench.signup.count.${Date.now().toString(36)}` }), token, deepCursor);
          printStatementTable(counts);
        }
        if (sections.has('http')) {
          console.log(`\nHTTP (autocannon, ${duration} s per operation, ${connections} connections; API child process and autocannon share the ${cpus().length} CPUs):`);
          const rows = await runHttpBench(operations({ ...context, signUpPrefix: `bench.signup.${Date.now().toString(36)}` }), { url: server.url, token, duration, connections });
          console.log('');
          printHttpTable(rows);
        }
      } finally {
        await apiToken.revoke();
      }
    } finally {
      await server.stop();
    }
  }

  if (sections.has('import')) {
    console.log('\nMember CSV import/export (in-process, scratch database):');
    printImportTable(await runImportBench(databaseUrl));
  }

  for (const plugin of PLUGINS) {
    if (sections.has(plugin.section)) await runPlugin(plugin);
  }
  console.log(`\nLoad average at end (1/5/15 min): ${loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
