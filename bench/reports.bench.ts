/**
 * Staff reports benchmark: each chart's query over the bench data (DATABASE_URL, seeded with
 * `npm run seed:bench -- --members 100000`), through the built API as an admin would ask it, for the
 * last 12 months. Target: under 200 ms each. `runReportsBench()` is called by bench/run.ts (section
 * `reports`); `node dist-bench/bench/reports.bench.js` runs it alone.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD } from '../scripts/seed/bench.js';
import { startApiServer } from './api-server.js';
import { gql, logIn } from './graphql-client.js';
import { printTable } from './table.js';

const REPORTS = [
  'membersByStatusReport',
  'joinsAndLapsesReport',
  'duesCollectedReport',
  'eventAttendanceReport',
  'creditsIssuedReport',
  'mentoringHealthReport',
  'studyGroupAttendanceReport',
];
const RUNS = 10;
const TARGET_MS = 200;

export async function runReportsBench(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL must name a database seeded with `npm run seed:bench -- --members 100000`');
  const server = await startApiServer(databaseUrl);
  try {
    const token = await logIn(server.url, BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD);
    const to = new Date();
    const from = new Date(Date.UTC(to.getUTCFullYear() - 1, to.getUTCMonth(), 1));
    const rows: Array<Array<string | number>> = [];
    for (const field of REPORTS) {
      const query = `query($from: DateTime!, $to: DateTime!) { ${field}(from: $from, to: $to) { points { period series value } } }`;
      const variables = { from: from.toISOString(), to: to.toISOString() };
      const first = await gql<Record<string, { points: unknown[] }>>(server.url, query, variables, token); // warm-up, unmeasured
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        await gql(server.url, query, variables, token);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)];
      const max = times[times.length - 1];
      rows.push([field, first[field].points.length, median.toFixed(1), max.toFixed(1), max < TARGET_MS ? 'yes' : 'NO']);
    }
    console.log(`Each report over the last 12 months, ${RUNS} runs after a warm-up (HTTP round trip included):`);
    printTable(['report', 'points', 'median ms', 'max ms', `< ${TARGET_MS} ms`], rows);
  } finally {
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  runReportsBench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
