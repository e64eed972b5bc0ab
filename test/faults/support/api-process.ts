import { ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import { freePort } from '../../../libs/core/src/database/embedded/free-port.js';
import { MAIN_JS } from './built-server.js';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  exited: Promise<Exit>;
  /** Sends the signal and measures how long the process takes to exit. */
  signal(signal: NodeJS.Signals): Promise<Exit & { ms: number }>;
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GqlAnswer<T>>;
  /**
   * POST /graphql over `connections` keep-alive connections opened (and accepted by the server) in
   * advance: once sent, a request is on a connection the server holds, i.e. in flight.
   */
  warmClient(connections: number): Promise<(query: string, variables?: Record<string, unknown>) => Promise<GqlAnswer>>;
}

export interface GqlAnswer<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ extensions?: { code?: string } }>;
}

function post(agent: http.Agent, url: string, path: string, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}${path}`, { agent, method: body ? 'POST' : 'GET', headers: { 'content-type': 'application/json' } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

export { freePort };

export const FAULT_JWT_SECRET = 'fault-test-secret-that-is-long-enough-0123456789';

/** Starts `node dist/apps/api/src/main.js` on the given database and waits until /ready answers 200. */
export async function startApi(databaseUrl: string, env: Record<string, string> = {}): Promise<ApiProcess> {
  const api = await spawnApi(databaseUrl, env);
  await api.waitReady(30_000);
  return api;
}

/** Starts the built server without waiting for it. */
export async function spawnApi(databaseUrl: string, env: Record<string, string> = {}): Promise<ApiProcess & { waitReady(timeoutMs: number): Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [MAIN_JS], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      JWT_SECRET: FAULT_JWT_SECRET,
      LOG_LEVEL: 'info',
      DB_POOL_SIZE: '10',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let gone = false;
  void exited.then(() => (gone = true));

  async function waitReady(timeoutMs: number): Promise<void> {
    const started = Date.now();
    for (;;) {
      if (gone) throw new Error(`The API exited during start-up:\n${output}`);
      if (Date.now() - started > timeoutMs) {
        child.kill('SIGKILL');
        throw new Error(`The API was not ready within ${timeoutMs} ms:\n${output}`);
      }
      const ok = await fetch(`${url}/ready`).then((r) => r.ok, () => false);
      if (ok) return;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }

  return {
    url,
    child,
    waitReady,
    output: () => output,
    exited,
    async signal(signal) {
      const sentAt = Date.now();
      child.kill(signal);
      // A process that ignores the signal is killed after 15 s, so a hang fails the test quickly.
      const hung = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const exit = await exited;
      clearTimeout(hung);
      return { ...exit, ms: Date.now() - sentAt };
    },
    async gql(query, variables) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    async warmClient(connections) {
      const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
      await Promise.all(Array.from({ length: connections }, () => post(agent, url, '/health')));
      return async (query, variables) => {
        const { status, text } = await post(agent, url, '/graphql', JSON.stringify({ query, variables }));
        return { status, ...(JSON.parse(text) as object) };
      };
    },
  };
}
