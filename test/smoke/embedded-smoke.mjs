#!/usr/bin/env node
/**
 * Embedded-mode smoke test (CI): the built server with no DATABASE_URL on an empty data folder:
 * sign up, read `me`, stop with SIGTERM (the embedded PostgreSQL stops too); start again on the same
 * folder and log in (the data was kept); kill it with SIGKILL (its PostgreSQL is orphaned, its
 * postmaster.pid left behind) and start once more: the orphan is stopped and the data is there.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
        if (!/embedded PostgreSQL 18/.test(output)) throw new Error(`start-up did not say it uses the embedded PostgreSQL 18:\n${output}`);
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

const pidFile = join(dataDir, 'pg', 'postmaster.pid');

function postgresPid() {
  return existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : undefined;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopServer(child, signal = 'SIGTERM') {
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  const code = await exited;
  clearTimeout(timer);
  return code;
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
  const firstPostgres = postgresPid();
  const code = await stopServer(server);
  if (code !== 0) throw new Error(`SIGTERM ended the server with exit code ${code}, not 0`);
  if (firstPostgres && alive(firstPostgres)) throw new Error(`the embedded PostgreSQL (PID ${firstPostgres}) still runs after the server stopped`);
  console.log('embedded smoke: signed up and read `me`, stopped cleanly; restarting on the same data folder');

  const logInQuery = `mutation($input: LogInInput!) { logIn(input: $input) { user { id } } }`;
  server = await startServer(port);
  const logIn = await gql(port, logInQuery, { input: { email, password } });
  if (logIn.logIn.user.id !== signUp.signUp.user.id) throw new Error('the account did not survive a restart');
  const orphan = postgresPid();
  await stopServer(server, 'SIGKILL');
  if (!orphan || !alive(orphan)) throw new Error('expected the killed server to leave its PostgreSQL behind');
  console.log('embedded smoke: data kept across a restart; killed the server, starting over its orphaned PostgreSQL');

  server = await startServer(port);
  const again = await gql(port, logInQuery, { input: { email, password } });
  if (again.logIn.user.id !== signUp.signUp.user.id) throw new Error('the account did not survive a crash');
  if (alive(orphan)) throw new Error(`the orphaned PostgreSQL (PID ${orphan}) was not stopped`);
  await stopServer(server);
  console.log('embedded smoke: passed (data kept across a restart and a crash; stale server and pid file handled)');
} catch (error) {
  console.error('embedded smoke: FAILED', error);
  process.exitCode = 1;
} finally {
  const left = postgresPid();
  if (left && alive(left)) process.kill(left, 'SIGQUIT');
  rmSync(dataDir, { recursive: true, force: true });
}
