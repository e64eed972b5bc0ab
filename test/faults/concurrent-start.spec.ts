import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { MIGRATIONS } from '../../migrations/data-source.js';
import { adminQuery, adminUrl } from '../utils/test-db.js';
import { ApiProcess, spawnApi } from './support/api-process.js';
import { ensureBuilt } from './support/built-server.js';

/** A rolling deploy or `docker compose up --scale api=3`: three processes start together on an empty database. */
describe('three API processes started at once on an empty database', () => {
  const name = `guildhall_start_${randomBytes(4).toString('hex')}`;
  const apis: ApiProcess[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    await adminQuery(`CREATE DATABASE ${name}`);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(apis.map((api) => api.signal('SIGTERM')));
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }, 60_000);

  it('all become ready, and every migration is applied once', async () => {
    const started = await Promise.all([1, 2, 3].map(() => spawnApi(adminUrl(name))));
    apis.push(...started);
    await Promise.all(started.map((api) => api.waitReady(60_000)));
    for (const api of started) expect(api.output()).not.toMatch(/could not start|duplicate key/);
    const client = new pg.Client({ connectionString: adminUrl(name) });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT name, count(*)::int AS n FROM typeorm_migrations GROUP BY name`);
      expect(rows).toHaveLength(MIGRATIONS.length);
      expect(rows.every((row: { n: number }) => row.n === 1)).toBe(true);
    } finally {
      await client.end();
    }
  }, 90_000);
});
