/**
 * `npm run bench:peers`: Guildhall side by side with PostGraphile 5 and a raw node:http + pg server on one
 * bench database. Never part of `npm test` or CI. See bench/README.md.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/guildhall_bench npm run bench:peers
 *
 * Installs bench/peers (npm ci) when missing, seeds the database with `seed:bench` when it has no bench data,
 * adds the peers' SQL functions (schema bench_peers), then:
 *   1. counts SQL statements per request for each read and target through a counting proxy, and checks that
 *      every target answers with the same data as the raw baseline;
 *   2. restarts the targets on the direct URL and times each read with autocannon, targets alternating,
 *      BENCH_ROUNDS rounds (default 2), every other round in reverse order; each answer is checked again
 *      right before its timing.
 * Settings: BENCH_DURATION (s per read and target, default 10), BENCH_CONNECTIONS (20), BENCH_ROUNDS (2),
 * BENCH_READS (comma-separated keys, default all), BENCH_MEMBERS (members to seed when seeding, 100000), BENCH_TARGETS
 * (comma-separated targets to time, default all; every target is still counted and checked), BENCH_SAME_NODE=1 (Guildhall
 * and the raw server on PostGraphile's Node 22 too: one runtime for all three).
 * Writes instead of reads: BENCH_WRITES=register,signUp,webhook (or all), or `--writes` (see writes.ts).
 */
import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { gql } from '../graphql-client.js';
import { printTable } from '../table.js';
import { BENCH_MEMBER_EMAIL } from '../../scripts/seed/bench.js';
import { BENCH_EVENT_TITLE } from '../../scripts/seed/bench-activity.js';
import { benchContext, headersFor, type Tokens, tokensFor } from './context.js';
import { type PeerContext, type PeerRead, peerReads, type Target, TARGETS, type TargetRequest } from './reads.js';
import { StatementProxy } from './statement-proxy.js';
import { apiNode, NODE_22, PEERS_DIR, type RunningTarget, startTargets, stopTargets } from './targets.js';
import { printPerTarget, time, type Timing } from './timing.js';
import { fmt, loadLine, mean, nodeVersion, positiveInt, run } from './util.js';
import { runWrites, selectedWrites } from './writes.js';

function ensurePeersInstalled(): void {
  if (existsSync(`${PEERS_DIR}node_modules/postgraphile/package.json`) && existsSync(`${PEERS_DIR}node_modules/node/bin/node`)) return;
  console.log('Installing bench/peers (PostGraphile 5, Node 22, pg) …');
  run('npm', ['ci', '--prefix', PEERS_DIR, '--no-audit', '--no-fund']);
}

async function ensureSeeded(client: pg.Client, databaseUrl: string): Promise<void> {
  const { rows } = await client.query(
    `SELECT EXISTS (SELECT 1 FROM users WHERE email = $1) AND EXISTS (SELECT 1 FROM events WHERE title LIKE $2) AS ready`,
    [BENCH_MEMBER_EMAIL, `${BENCH_EVENT_TITLE} %`],
  ).catch(() => ({ rows: [{ ready: false }] }));
  if (rows[0].ready) return;
  console.log('The database has no bench data: running seed:bench …');
  const seed = fileURLToPath(new URL('../../scripts/seed/bench.js', import.meta.url));
  run(process.execPath, [seed, '--members', String(positiveInt('BENCH_MEMBERS', 100_000))], { ...process.env, DATABASE_URL: databaseUrl });
}

async function answer(target: RunningTarget, request: TargetRequest, tokens: Tokens): Promise<unknown> {
  const response = await fetch(`${target.url}${request.path}`, { method: 'POST', headers: headersFor(request, tokens), body: JSON.stringify(request.body) });
  const text = await response.text();
  const body = JSON.parse(text) as { data?: unknown; errors?: unknown };
  if (response.status !== 200 || body.errors || body.data === undefined) throw new Error(`${target.target} answered ${response.status}: ${text.slice(0, 500)}`);
  return request.canonical(body.data);
}

/** Where two strings first differ, with some context. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 120);
  return `at character ${i}:\n    expected …${a.slice(from, i + 200)}\n    got      …${b.slice(from, i + 200)}`;
}

/**
 * Throws unless every target's answer to `read` equals the raw baseline's. Guildhall answers first: a study
 * group's coming meetings are written on first need, and the others then read the same rows.
 */
async function checkSameData(read: PeerRead, targets: Record<Target, RunningTarget>, tokens: Tokens): Promise<void> {
  const fromGuildhall = JSON.stringify(await answer(targets.guildhall, read.requests.guildhall, tokens));
  const expected = JSON.stringify(await answer(targets.raw, read.requests.raw, tokens));
  if (expected === '[]' || expected === 'null') throw new Error(`${read.name}: the raw baseline found nothing; the bench data is missing`);
  for (const target of TARGETS) {
    const got = target === 'guildhall' ? fromGuildhall : JSON.stringify(await answer(targets[target], read.requests[target], tokens));
    if (got !== expected) throw new Error(`${read.name}: ${target} answered other data than the raw baseline ${firstDifference(expected, got)}`);
  }
}

/** Whether the API has Event.registrations (production answers no introspection: a query that asks for it tells). */
async function hasEventRegistrationsField(url: string, tokens: Tokens): Promise<boolean> {
  return gql(url, '{ events(first: 1) { edges { node { registrations(first: 1) { totalCount } } } } }', {}, tokens.admin).then(
    () => true,
    () => false,
  );
}

/** Statements per request for each read and target (mean of `samples` requests after one warm-up). */
async function countStatements(databaseUrl: string, reads: (ctx: PeerContext) => PeerRead[], client: pg.Client, connections: number, samples = 5) {
  const { proxy, url } = await StatementProxy.in(databaseUrl);
  const targets = await startTargets(url, connections);
  const counts = new Map<string, Record<Target, { data: number; control: number }>>();
  try {
    const tokens = await tokensFor(targets.guildhall.url);
    const ctx = await benchContext(client, await hasEventRegistrationsField(targets.guildhall.url, tokens));
    for (const read of reads(ctx)) {
      await checkSameData(read, targets, tokens);
      const row = {} as Record<Target, { data: number; control: number }>;
      for (const target of TARGETS) {
        await answer(targets[target], read.requests[target], tokens);
        proxy.reset();
        for (let i = 0; i < samples; i++) await answer(targets[target], read.requests[target], tokens);
        const { data, control } = proxy.read();
        row[target] = { data: data / samples, control: control / samples };
      }
      counts.set(read.key, row);
    }
    return { counts, ctx };
  } finally {
    await stopTargets(targets);
    await proxy.close();
  }
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL must name the bench database (see bench/README.md)');
  const duration = positiveInt('BENCH_DURATION', 10);
  const connections = positiveInt('BENCH_CONNECTIONS', 20);
  const rounds = positiveInt('BENCH_ROUNDS', 2);
  const only = (process.env.BENCH_READS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  // BENCH_TARGETS: the targets timed (all are still started, counted and checked for the same data).
  const timedNames = (process.env.BENCH_TARGETS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const strangers = timedNames.filter((name) => !(TARGETS as readonly string[]).includes(name));
  if (strangers.length) throw new Error(`BENCH_TARGETS: unknown ${strangers.join(', ')}; known: ${TARGETS.join(', ')}`);
  const timed = TARGETS.filter((target) => !timedNames.length || timedNames.includes(target));

  const writes = selectedWrites();
  if (writes.length) {
    await runWrites(databaseUrl, writes);
    return;
  }
  ensurePeersInstalled();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await ensureSeeded(client, databaseUrl);
    await client.query(readFileSync(`${PEERS_DIR}peer-functions.sql`, 'utf8'));
    const pick = (ctx: PeerContext) => {
      const all = peerReads(ctx);
      const unknown = only.filter((key) => !all.some((r) => r.key === key));
      if (unknown.length) throw new Error(`BENCH_READS: unknown ${unknown.join(', ')}; known: ${all.map((r) => r.key).join(', ')}`);
      return only.length ? all.filter((r) => only.includes(r.key)) : all;
    };

    console.log(`bench:peers: Guildhall and raw on Node ${nodeVersion(apiNode())}, PostGraphile on Node ${nodeVersion(NODE_22)}, ${cpus().length} CPU(s), ${connections} connections, ${duration} s per read and target, ${rounds} rounds`);
    console.log(`Load average at start (1/5/15 min): ${loadLine()}`);
    console.log('Counting statements (through a counting proxy) and checking every target answers the same data …');
    const { counts, ctx } = await countStatements(databaseUrl, pick, client, connections);
    const reads = pick(ctx);
    console.log(`Staff events page through ${ctx.eventRegistrationsField ? 'Event.registrations' : '15 aliased eventRegistrations (Event has no registrations field; at most 15 aliases are allowed)'}.`);

    const targets = await startTargets(databaseUrl, connections);
    const results = new Map<string, Record<Target, Timing[]>>();
    try {
      const tokens = await tokensFor(targets.guildhall.url);
      for (let round = 0; round < rounds; round++) {
        const reversed = round % 2 === 1;
        const order = reversed ? [...reads].reverse() : reads;
        const targetOrder = reversed ? [...timed].reverse() : [...timed];
        console.log(`Round ${round + 1}${reversed ? ' (reversed)' : ''}:`);
        for (const read of order) {
          await checkSameData(read, targets, tokens);
          const row = results.get(read.key) ?? { guildhall: [], postgraphile: [], raw: [] };
          results.set(read.key, row);
          const line: string[] = [];
          for (const target of targetOrder) {
            const request = read.requests[target];
            const sent = { path: request.path, headers: headersFor(request, tokens), body: JSON.stringify(request.body) };
            const result = await time(targets[target], sent, { duration, connections, failed: (body) => body.includes('"errors"') });
            if (result.non2xx || result.errors || result.timeouts || result.failed) {
              throw new Error(`${read.name} on ${target}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts, ${result.failed} GraphQL errors`);
            }
            row[target].push(result);
            line.push(`${target} ${fmt(result.requests.average)} req/s`);
          }
          console.log(`  ${read.name}: ${line.join(', ')}`);
        }
      }
    } finally {
      await stopTargets(targets);
    }

    printPerTarget(
      'read',
      reads.flatMap((read) => timed.map((target) => ({ name: read.name, target, runs: results.get(read.key)![target], statements: counts.get(read.key)![target] }))),
    );

    if (timed.length === TARGETS.length) {
      console.log('\nRatios (req/s; and by the server\'s CPU per request, which other work on the machine disturbs less):');
      printTable(
        ['read', 'Guildhall', 'PostGraphile', 'raw', 'Guildhall ÷ PostGraphile', 'Guildhall ÷ raw', 'by CPU: G ÷ PG', 'by CPU: G ÷ raw'],
        reads.map((read) => {
          const runs = results.get(read.key)!;
          const rps = (target: Target) => mean(runs[target].map((r) => r.requests.average));
          const cpu = (target: Target) => mean(runs[target].map((r) => r.cpuMsPerRequest ?? Number.NaN));
          const cpuRatio = (other: Target) => (Number.isNaN(cpu('guildhall')) ? '-' : fmt(cpu(other) / cpu('guildhall'), 2));
          return [read.name, fmt(rps('guildhall')), fmt(rps('postgraphile')), fmt(rps('raw')), fmt(rps('guildhall') / rps('postgraphile'), 2), fmt(rps('guildhall') / rps('raw'), 2), cpuRatio('postgraphile'), cpuRatio('raw')];
        }),
      );
    }
    console.log(`Load average at end (1/5/15 min): ${loadLine()}`);
  } finally {
    await client.end();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
