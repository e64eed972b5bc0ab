#!/usr/bin/env node
/**
 * Embedded-mode smoke test (CI): the built server with no DATABASE_URL on an empty data folder:
 * sign up, read `me`, stop; start again on the same folder and log in (the data was kept).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dataDir = mkdtempSync(join(tmpdir(), 'guildhall-smoke-'));
const email = `smoke.${Date.now()}@example.org`;
const password = 'smoke test password';

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startServer(port) {
  const env = { ...process.env, PORT: String(port), GUILDHALL_DATA_DIR: dataDir, LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/ready`);
      if (res.ok) {
        if (!/embedded PostgreSQL/.test(output)) throw new Error(`start-up did not say it uses the embedded database:\n${output}`);
        return child;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become ready:\n${output}`);
}

async function stopServer(child) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

async function gql(port, query, variables, token) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
  return body.data;
}

try {
  const port = await freePort();
  let server = await startServer(port);
  const signUp = await gql(
    port,
    `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken user { id email } } }`,
    { input: { email, password, fullName: 'Smoke Test' } },
  );
  const me = await gql(port, `{ me { id email } }`, {}, signUp.signUp.accessToken);
  if (me.me.email !== email) throw new Error(`me returned ${JSON.stringify(me)}`);
  await stopServer(server);
  console.log('embedded smoke: signed up and read `me`; restarting on the same data folder');

  server = await startServer(port);
  const logIn = await gql(port, `mutation($input: LogInInput!) { logIn(input: $input) { user { id } } }`, { input: { email, password } });
  if (logIn.logIn.user.id !== signUp.signUp.user.id) throw new Error('the account did not survive a restart');
  await stopServer(server);
  console.log('embedded smoke: passed (data kept across restart)');
} catch (error) {
  console.error('embedded smoke: FAILED', error);
  process.exitCode = 1;
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
