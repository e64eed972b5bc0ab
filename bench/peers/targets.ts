import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort, startApiServer } from '../api-server.js';
import { type Target } from './reads.js';

/** bench/peers in the source tree (this file runs from dist-bench/bench/peers). */
export const PEERS_DIR = fileURLToPath(new URL('../../../bench/peers/', import.meta.url));
/** The Node 22 binary `npm install node@22` put in bench/peers (PostGraphile 5 needs Node 22). */
export const NODE_22 = `${PEERS_DIR}node_modules/node/bin/node`;

/**
 * The Node binary Guildhall and the raw server run on: the one running the bench (the API's own runtime, Node 20+),
 * or with BENCH_SAME_NODE=1 PostGraphile's Node 22, so that all three targets share one runtime and the ratios
 * compare the code alone (V8's version moves every target's figures; bench/README.md).
 */
export function apiNode(): string {
  return process.env.BENCH_SAME_NODE === '1' ? NODE_22 : process.execPath;
}

export interface RunningTarget {
  target: Target;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

async function waitUntilAnswering(url: string, body: string, child: ChildProcess, name: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} before it answered`);
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`${name} did not answer within 60 s`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function startPeer(target: 'postgraphile' | 'raw', databaseUrl: string, connections: number, extraEnv: Record<string, string> = {}): Promise<RunningTarget> {
  const port = await freePort();
  const [binary, script] = target === 'postgraphile' ? [NODE_22, 'postgraphile-server.mjs'] : [apiNode(), 'raw-server.mjs'];
  const child = spawn(binary, [script], {
    cwd: PEERS_DIR,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), DB_POOL_SIZE: String(connections), NODE_ENV: 'production', ...extraEnv },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  if (target === 'postgraphile') await waitUntilAnswering(`${url}/graphql`, JSON.stringify({ query: '{ __typename }' }), child, 'PostGraphile');
  else await waitUntilAnswering(`${url}/me`, JSON.stringify({ userId: '00000000-0000-0000-0000-000000000000' }), child, 'the raw server');
  return {
    target,
    url,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The three targets on `databaseUrl`, each its own process, each with a pool as large as the bench's connection count. */
export async function startTargets(databaseUrl: string, connections: number): Promise<Record<Target, RunningTarget>> {
  const api = await startApiServer(databaseUrl, { DB_POOL_SIZE: String(connections) }, apiNode());
  const guildhall: RunningTarget = { target: 'guildhall', url: api.url, pid: api.pid, stop: () => api.stop() };
  const postgraphile = await startPeer('postgraphile', databaseUrl, connections);
  const raw = await startPeer('raw', databaseUrl, connections);
  return { guildhall, postgraphile, raw };
}

export type WriteTarget = 'guildhall' | 'raw';

/** Guildhall and the raw server with its write routes (RAW_WRITES), both with `env` (the JWT and webhook secrets, the public URL). */
export async function startWriteTargets(databaseUrl: string, connections: number, env: Record<string, string>): Promise<Record<WriteTarget, RunningTarget>> {
  const api = await startApiServer(databaseUrl, { DB_POOL_SIZE: String(connections), ...env }, apiNode());
  const guildhall: RunningTarget = { target: 'guildhall', url: api.url, pid: api.pid, stop: () => api.stop() };
  const raw = await startPeer('raw', databaseUrl, connections, { RAW_WRITES: '1', ...env }).catch(async (error: unknown) => {
    await guildhall.stop();
    throw error;
  });
  return { guildhall, raw };
}

export async function stopTargets(targets: Partial<Record<Target, RunningTarget>>): Promise<void> {
  await Promise.all(Object.values(targets).map((t) => t.stop()));
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); null elsewhere. */
export function cpuSeconds(pid: number): number | null {
  try {
    // Fields after the command name (which is in parentheses): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** USER_HZ: 100 on Linux on every common architecture. */
const CLOCK_TICKS = 100;
