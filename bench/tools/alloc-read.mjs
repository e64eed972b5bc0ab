/**
 * What one bench:peers read allocates per request in the API, and where: V8's sampling heap profiler over a timed
 * autocannon run (objects later collected included), then the allocation sites with the most bytes. GC is a fifth
 * of the CPU of the larger lists; this says which code feeds it. Allocation does not depend on the machine's load
 * as CPU time does, so two builds compare here even on a busy machine.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/guildhall_bench_perf node bench/tools/alloc-read.mjs staffEvents 5
 *
 * DIST: the dist-bench folder (default this checkout's, `npm run build:bench`); TOP: sites listed (25); the profile
 * stays in ALLOC_PROFILE (default /tmp/guildhall-alloc.heapprofile; Chrome's DevTools opens it).
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { namedRead } from './bench-reads.mjs';

const D = process.env.DIST ?? fileURLToPath(new URL('../../dist-bench', import.meta.url));
const OUT = process.env.ALLOC_PROFILE ?? '/tmp/guildhall-alloc.heapprofile';
const { freePort, API_NODE_FLAGS } = await import(`${D}/bench/api-server.js`);
const url = process.env.DATABASE_URL;
const { read, tokens: tokensFor, headersFor } = await namedRead(D, url, process.argv[2]);
const port = await freePort();
rmSync(OUT, { force: true });
const preload = new URL('./alloc-preload.mjs', import.meta.url).href;
const child = spawn(process.execPath, [...API_NODE_FLAGS, '--import', preload, `${D}/apps/api/src/main.js`], {
  env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: url, PORT: String(port), GUILDHALL_JOBS_ENABLED: 'false', LOG_LEVEL: 'warn', LOGIN_MAX_FAILURES_PER_ADDRESS: '100000', DB_POOL_SIZE: '20', ALLOC_PROFILE: OUT },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;
for (;;) {
  if (await fetch(`${base}/ready`).then((r) => r.ok, () => false)) break;
  await new Promise((r) => setTimeout(r, 200));
}
const tokens = await tokensFor(base);
const req = read.requests.guildhall;
const opts = { url: base + req.path, method: 'POST', connections: 20, headers: headersFor(req, tokens), body: JSON.stringify(req.body) };
await autocannon({ ...opts, duration: 3 });
child.kill('SIGUSR2');
const r = await autocannon({ ...opts, duration: Number(process.argv[3] ?? 5) });
child.kill('SIGUSR2');
for (let waited = 0; ; waited += 200) {
  try {
    readFileSync(OUT);
    break;
  } catch {
    if (waited > 30_000) throw new Error('no allocation profile was written');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
child.kill('SIGINT');
await new Promise((resolve) => child.once('exit', resolve));

const profile = JSON.parse(readFileSync(OUT, 'utf8'));
const bySite = new Map();
let total = 0;
const site = (frame) => `${frame.functionName || '(anonymous)'} ${frame.url.replace(/.*node_modules\//, '').replace(/.*dist-bench\//, '')}:${frame.lineNumber + 1}`;
const walk = (node) => {
  total += node.selfSize;
  if (node.selfSize) bySite.set(site(node.callFrame), (bySite.get(site(node.callFrame)) ?? 0) + node.selfSize);
  for (const childNode of node.children) walk(childNode);
};
walk(profile.head);
const requests = r.requests.total;
console.log(`${read.key}: ${requests} requests, ${(total / requests / 1024).toFixed(0)} KiB allocated per request (sampled), ${(r.throughput.total / requests / 1024).toFixed(1)} KiB answered`);
for (const [name, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 25))) {
  console.log(`${((100 * bytes) / total).toFixed(1).padStart(5)}%  ${(bytes / requests / 1024).toFixed(1).padStart(7)} KiB/req  ${name}`);
}
