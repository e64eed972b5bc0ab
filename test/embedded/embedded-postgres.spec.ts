import { afterEach, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { EmbeddedPostgres, EmbeddedPostgresError } from '../../libs/core/src/database/embedded/embedded-postgres.js';

/** The server `npm start` runs without DATABASE_URL, started and stopped as a user's process would. */
describe('embedded PostgreSQL', () => {
  const folders: string[] = [];
  const servers: EmbeddedPostgres[] = [];

  function folder(): string {
    const dir = mkdtempSync(join(tmpdir(), 'guildhall-embedded-spec-'));
    folders.push(dir);
    return dir;
  }

  async function start(dataDir: string, durable = false): Promise<EmbeddedPostgres> {
    const server = await EmbeddedPostgres.start({ dataDir, durable });
    servers.push(server);
    return server;
  }

  async function query<T>(server: EmbeddedPostgres, sql: string): Promise<T[]> {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  }

  afterEach(async () => {
    for (const server of servers.splice(0)) await server.stop();
    for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('creates a PostgreSQL 18 cluster on a loopback port other than 5432, with a generated password kept private', async () => {
    const dataDir = folder();
    const server = await start(dataDir);
    expect(server.port).not.toBe(5432);
    const [row] = await query<{ version: string; db: string }>(server, `SELECT current_setting('server_version_num') AS version, current_database() AS db`);
    expect(Number(row.version)).toBeGreaterThanOrEqual(180000);
    expect(row.db).toBe('guildhall');
    const passwordFile = join(dataDir, 'password');
    expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
    expect(server.url).toContain(encodeURIComponent(readFileSync(passwordFile, 'utf8').trim()));
    const wrong = new pg.Client({ connectionString: server.url.replace(/:[^:@/]+@/, ':not-the-password@') });
    await expect(wrong.connect()).rejects.toThrow(/password authentication failed/);
  });

  it('keeps the data across a stop and a start, on a new port', async () => {
    const dataDir = folder();
    const first = await start(dataDir);
    await query(first, `CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')`);
    await first.stop();
    const second = await start(dataDir);
    expect(await query(second, `SELECT v FROM kept`)).toEqual([{ v: 'still here' }]);
  });

  it('starts after a crash: the killed server left its postmaster.pid behind', async () => {
    const dataDir = folder();
    const crashed = await start(dataDir, true); // as `npm start` runs it: a commit survives a crash
    await query(crashed, `CREATE TABLE kept (v int); INSERT INTO kept VALUES (1)`);
    await crashed.kill();
    expect(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).toMatch(/^\d+\n/);
    const restarted = await start(dataDir);
    expect(await query(restarted, `SELECT v FROM kept`)).toEqual([{ v: 1 }]);
  });

  it('starts when a stale postmaster.pid names a process that is not PostgreSQL (a reused PID)', async () => {
    const dataDir = folder();
    const first = await start(dataDir);
    await first.stop();
    const pidFile = join(dataDir, 'pg', 'postmaster.pid');
    // A live process that is not PostgreSQL (nor the server's parent): PostgreSQL alone refuses to start over it.
    const other = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      writeFileSync(pidFile, `${other.pid}\n${join(dataDir, 'pg')}\n0\n5432\n\n\n`);
      const second = await start(dataDir);
      expect(await query(second, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      other.kill();
    }
  });

  it('refuses a data folder of the former embedded engine (PGlite) with a message that says what to do', async () => {
    const dataDir = folder();
    mkdirSync(join(dataDir, 'base'));
    writeFileSync(join(dataDir, 'PG_VERSION'), '17\n');
    const failure = EmbeddedPostgres.start({ dataDir });
    await expect(failure).rejects.toThrow(EmbeddedPostgresError);
    await expect(failure).rejects.toThrow(/former embedded engine \(PGlite.*move the folder aside.*DATABASE_URL/s);
  });
});
