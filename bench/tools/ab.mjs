/**
 * A/B of two API builds (or two settings of one) on the bench:peers reads: API CPU ms per request, the two
 * timed alternately read by read, the order reversed every other round. Separates a 10% change from this
 * machine's run-to-run spread, which bench:peers (three servers, one after another) cannot. Not part of npm test.
 *
 *   npm run build:bench   # in each checkout compared
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/guildhall_bench_perf A_DIST=/path/to/before/dist-bench \
 *     node bench/tools/ab.mjs
 *
 * A_DIST / B_DIST: the dist-bench folders (default: this checkout's); A_ENV / B_ENV: JSON of extra environment for
 * each API; READS: comma-separated read keys (default all); DUR: seconds per timing (4); ROUNDS (3); CONN (20);
 * METRIC: `cpu` (API CPU ms per request, the default) or `latency` (mean ms per request as the client saw it: with
 * CONN=1, the time one request takes, database round trips included).
 */
import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { benchReads, requestHeaders } from './bench-reads.mjs';

const A_DIST = process.env.A_DIST ?? fileURLToPath(new URL('../../dist-bench', import.meta.url));
const B_DIST = process.env.B_DIST ?? A_DIST;
const { startApiServer } = await import(`${A_DIST}/bench/api-server.js`);
const { startApiServer: startB } = await import(`${B_DIST}/bench/api-server.js`);
const { time } = await import(`${A_DIST}/bench/peers/timing.js`);
const url = process.env.DATABASE_URL;
const { reads: all, tokens: tokensFor } = await benchReads(A_DIST, url);
const headersFor = await requestHeaders(A_DIST);
const only = (process.env.READS ?? '').split(',').filter(Boolean);
const reads = all.filter((r) => !only.length || only.includes(r.key));
const a = await startApiServer(url, { DB_POOL_SIZE: '20', ...JSON.parse(process.env.A_ENV ?? '{}') });
const b = await startB(url, { DB_POOL_SIZE: '20', ...JSON.parse(process.env.B_ENV ?? '{}') });
const T = { A: { target: 'guildhall', url: a.url, pid: a.pid }, B: { target: 'guildhall', url: b.url, pid: b.pid } };
const tokens = await tokensFor(a.url);
const dur = Number(process.env.DUR ?? 4), rounds = Number(process.env.ROUNDS ?? 3);
const res = {};
try {
  for (let r = 0; r < rounds; r++) for (const read of reads) {
    const req = read.requests.guildhall;
    const sent = { path: req.path, headers: headersFor(req, tokens), body: JSON.stringify(req.body) };
    for (const k of r % 2 ? ['B', 'A'] : ['A', 'B']) {
      const t = await time(T[k], sent, { duration: dur, connections: Number(process.env.CONN ?? 20), failed: (body) => body.includes('"errors"') });
      if (t.failed || t.non2xx) throw new Error(`${read.key} ${k} failed ${t.failed} non2xx ${t.non2xx}`);
      ((res[read.key] ??= { A: [], B: [] })[k]).push(process.env.METRIC === 'latency' ? t.latency.average : t.cpuMsPerRequest);
    }
  }
} finally { await a.stop(); await b.stop(); }
for (const [k, v] of Object.entries(res)) {
  const m = (x) => x.reduce((s, y) => s + y, 0) / x.length;
  console.log(k.padEnd(14), 'A', v.A.map(x => x.toFixed(2)).join(' '), '| B', v.B.map(x => x.toFixed(2)).join(' '), '| B/A', (m(v.B) / m(v.A)).toFixed(3));
}
