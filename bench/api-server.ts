import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export interface ApiServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Node flags the API runs with (`npm start` in package.json, the Dockerfile's CMD): keep the three alike. */
export const API_NODE_FLAGS = ['--max-semi-space-size=32'];

/** A free loopback port (asked of the OS, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the API built beside the bench (`dist-bench/apps/api/src/main.js`) as a child process on a free port against
 * `databaseUrl`, production settings, jobs off (`env` adds or overrides settings), and waits until /ready answers.
 * `node`: the Node binary to run it with (default the one running this).
 */
export async function startApiServer(databaseUrl: string, env: Record<string, string> = {}, node = process.execPath): Promise<ApiServer> {
  const port = await freePort();
  const main = fileURLToPath(new URL('../apps/api/src/main.js', import.meta.url));
  // The flags `npm start` and the Dockerfile give Node (package.json): a larger young generation, fewer scavenges.
  // BENCH_API_NODE_FLAGS adds more (space-separated), e.g. `--cpu-prof --cpu-prof-dir=/tmp/api-profile` to profile the
  // API under a bench's writes (Node refuses --cpu-prof in NODE_OPTIONS; the profile is written when the API stops).
  const extra = (process.env.BENCH_API_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
  const child: ChildProcess = spawn(node, [...API_NODE_FLAGS, ...extra, main], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      GUILDHALL_JOBS_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      // Bench requests come from one address: keep failed-login throttling out of the figures.
      LOGIN_MAX_FAILURES_PER_ADDRESS: '100000',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(`${url}/ready`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error('the API was not ready within 60 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
