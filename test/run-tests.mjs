#!/usr/bin/env node
/**
 * `npm test`: finds a PostgreSQL for the tests and runs Jest.
 *   1. DATABASE_URL (or TEST_DATABASE_URL) when set;
 *   2. else a local server at 127.0.0.1:5432 if one answers;
 *   3. else an embedded PostgreSQL (the same server `npm start` runs without DATABASE_URL), started
 *      for this run in a temporary folder and removed afterwards.
 * TEST_EMBEDDED=1 uses the embedded server even when another answers. Every test runs on each.
 * Extra arguments go to Jest (e.g. `npm test -- libs/accounts`).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEmbeddedPostgres } from './utils/embedded-server.mjs';

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

let embedded;
let embeddedDir;
if (url) {
  console.log(`Tests use PostgreSQL at ${new URL(url).host} (a fresh database per test file).`);
} else {
  embeddedDir = mkdtempSync(join(tmpdir(), 'guildhall-test-pg-'));
  const started = Date.now();
  const { EmbeddedPostgres } = await loadEmbeddedPostgres();
  embedded = await EmbeddedPostgres.start({ dataDir: embeddedDir, durable: false });
  url = embedded.urlFor('postgres');
  console.log(`Tests use an embedded PostgreSQL ${embedded.version} on 127.0.0.1:${embedded.port}, started in ${Date.now() - started} ms (a fresh database per test file).`);
}
env.GUILDHALL_TEST_ADMIN_URL = url;
env.GUILDHALL_TEST_DB = embedded ? 'embedded' : 'server';
delete env.DATABASE_URL;

async function cleanUp() {
  if (!embedded) return;
  await embedded.stop();
  rmSync(embeddedDir, { recursive: true, force: true });
}

const nodeOptions = [env.NODE_OPTIONS, '--experimental-vm-modules', '--no-warnings=ExperimentalWarning'].filter(Boolean).join(' ');
const child = spawn(process.execPath, ['node_modules/jest/bin/jest.js', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...env, NODE_OPTIONS: nodeOptions },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', async (code, signal) => {
  await cleanUp().catch((error) => console.error('Stopping the embedded PostgreSQL failed:', error));
  process.exit(signal ? 1 : (code ?? 1));
});
