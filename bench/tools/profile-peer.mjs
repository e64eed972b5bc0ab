/**
 * One bench:peers read against PostGraphile alone (on bench/peers' Node 22): CPU ms per request and, unless NOPROF=1,
 * a V8 CPU profile in PROFILE_DIR (default /tmp/postgraphile-profile), to compare with profile-read.mjs's of the API.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/guildhall_bench_perf node bench/tools/profile-peer.mjs studyGroup 8
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { namedRead } from './bench-reads.mjs';

const D = process.env.DIST ?? fileURLToPath(new URL('../../dist-bench', import.meta.url));
const PEERS = fileURLToPath(new URL('../peers/', import.meta.url));
const OUT = process.env.PROFILE_DIR ?? '/tmp/postgraphile-profile';
const { freePort } = await import(`${D}/bench/api-server.js`);
const url = process.env.DATABASE_URL;
const { read, headersFor } = await namedRead(D, url, process.argv[2]);
const port = await freePort();
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const child = spawn(`${PEERS}node_modules/node/bin/node`, [...(process.env.NOPROF ? [] : ['--cpu-prof', `--cpu-prof-dir=${OUT}`, '--cpu-prof-interval=200']), 'postgraphile-server.mjs'], {
  cwd: PEERS, env: { ...process.env, DATABASE_URL: url, PORT: String(port), DB_POOL_SIZE: '20', NODE_ENV: 'production' }, stdio: ['ignore', 'ignore', 'inherit'] });
const base = `http://127.0.0.1:${port}`;
for (;;) {
  const ok = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }).then((r) => r.ok, () => false);
  if (ok) break;
  await new Promise((r) => setTimeout(r, 200));
}
const req = read.requests.postgraphile;
const opts = { url: base + req.path, method: 'POST', connections: 20, headers: headersFor(req, {}), body: JSON.stringify(req.body) };
await autocannon({ ...opts, duration: 3 });
const ticks = () => { const s = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' '); return Number(s[11]) + Number(s[12]); };
const t0 = ticks();
const r = await autocannon({ ...opts, duration: Number(process.argv[3] ?? 8) });
const t1 = ticks();
console.log(`${read.key} (PostGraphile): ${r.requests.average} req/s, CPU ms/req ${((t1 - t0) * 10 / r.requests.total).toFixed(3)}, bytes/resp ${(r.throughput.total / r.requests.total).toFixed(0)}`);
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));
