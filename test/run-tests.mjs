#!/usr/bin/env node
/**
 * `npm test`: finds a PostgreSQL for the tests and runs Jest.
 *   1. DATABASE_URL (or TEST_DATABASE_URL) when set;
 *   2. else a local server at 127.0.0.1:5432 if one answers;
 *   3. else embedded PGlite, skipping the tests that need a real server (concurrency races).
 * TEST_EMBEDDED=1 forces the embedded database even when a server answers.
 * Extra arguments go to Jest (e.g. `npm test -- libs/accounts`).
 */
import { spawn } from 'node:child_process';
import net from 'node:net';

function reachable(host, port, timeoutMs = 800) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const env = { ...process.env, NODE_ENV: 'test', GUILDHALL_TEST_RUN_ID: process.env.GUILDHALL_TEST_RUN_ID ?? String(process.pid) };
const forceEmbedded = process.env.TEST_EMBEDDED === '1';
let url = forceEmbedded ? undefined : (process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL);
if (!url && !forceEmbedded && (await reachable('127.0.0.1', 5432))) url = 'postgres://postgres@127.0.0.1:5432/postgres';

if (url) {
  env.GUILDHALL_TEST_ADMIN_URL = url;
  env.GUILDHALL_TEST_DB = 'postgres';
  console.log(`Tests use PostgreSQL at ${new URL(url).host} (a fresh database per test file).`);
} else {
  env.GUILDHALL_TEST_DB = 'embedded';
  console.log('No PostgreSQL server found: tests use embedded PGlite; tests that need a real server are skipped (listed below).');
}
delete env.DATABASE_URL;

const nodeOptions = [env.NODE_OPTIONS, '--experimental-vm-modules', '--no-warnings=ExperimentalWarning'].filter(Boolean).join(' ');
const child = spawn(process.execPath, ['node_modules/jest/bin/jest.js', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...env, NODE_OPTIONS: nodeOptions },
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
