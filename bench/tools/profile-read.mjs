/**
 * One bench:peers read against one API process: CPU ms per request (from /proc) and, unless NOPROF=1, a V8 CPU
 * profile of the timed part in PROFILE_DIR (default /tmp/guildhall-profile; open it in Chrome's DevTools).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/guildhall_bench_perf node bench/tools/profile-read.mjs me 8
 *
 * DIST: the dist-bench folder (default this checkout's, `npm run build:bench`); EXTRA_ENV: JSON of extra environment.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { namedRead } from './bench-reads.mjs';

const D = process.env.DIST ?? fileURLToPath(new URL('../../dist-bench', import.meta.url));
const OUT = process.env.PROFILE_DIR ?? '/tmp/guildhall-profile';
const { freePort } = await import(`${D}/bench/api-server.js`);
const url = process.env.DATABASE_URL;
const { read, tokens: tokensFor, headersFor } = await namedRead(D, url, process.argv[2]);
const port = await freePort();
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const child = spawn(process.execPath, ['--max-semi-space-size=32', ...(process.env.NOPROF ? [] : ['--cpu-prof', `--cpu-prof-dir=${OUT}`, '--cpu-prof-interval=200']), `${D}/apps/api/src/main.js`], {
  env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: url, PORT: String(port), GUILDHALL_JOBS_ENABLED: 'false', LOG_LEVEL: 'warn', LOGIN_MAX_FAILURES_PER_ADDRESS: '100000', DB_POOL_SIZE: '20', ...JSON.parse(process.env.EXTRA_ENV ?? '{}') }, stdio: ['ignore', 'ignore', 'inherit'] });
const base = `http://127.0.0.1:${port}`;
for (;;) {
  const ready = await fetch(`${base}/ready`).then((r) => r.ok, () => false);
  if (ready) break;
  await new Promise((r) => setTimeout(r, 200));
}
const tokens = await tokensFor(base);
const req = read.requests.guildhall;
const opts = { url: base + req.path, method: 'POST', connections: 20, headers: headersFor(req, tokens), body: JSON.stringify(req.body) };
await autocannon({ ...opts, duration: 3 });
const ticks = () => { const s = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' '); return Number(s[11]) + Number(s[12]); };
const t0 = ticks();
const r = await autocannon({ ...opts, duration: Number(process.argv[3] ?? 8) });
const t1 = ticks();
console.log(`${read.key}: ${r.requests.average} req/s, CPU ms/req ${((t1 - t0) * 10 / r.requests.total).toFixed(3)}, bytes/resp ${(r.throughput.total / r.requests.total).toFixed(0)}`);
child.kill('SIGINT');
await new Promise(r => child.once('exit', r));
