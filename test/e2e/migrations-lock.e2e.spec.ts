import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { migrateDatabase } from '../../libs/core/src/index.js';
import { guildhallDataSource, MIGRATIONS } from '../../migrations/data-source.js';
import { adminQuery, adminUrl } from '../utils/test-db.js';

/** Several processes started together on an empty database (a rolling deploy, `--scale api=3`). */
describe('migrations at start', () => {
  const name = `guildhall_mig_${randomBytes(4).toString('hex')}`;

  beforeAll(() => adminQuery(`CREATE DATABASE ${name}`));
  afterAll(() => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

  it('three processes migrating one empty database at once: all succeed, each migration applied once', async () => {
    const sources = await Promise.all([1, 2, 3].map(() => guildhallDataSource(adminUrl(name), 2).initialize()));
    try {
      const results = await Promise.allSettled(sources.map((source) => migrateDatabase(source)));
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
      const applied = results.map((r) => (r as PromiseFulfilledResult<string[]>).value);
      // One of them did the work; the others waited for the lock and found nothing to do.
      expect(applied.map((list) => list.length).sort()).toEqual([0, 0, MIGRATIONS.length]);
      const rows = await sources[0].query(`SELECT name, count(*)::int AS n FROM typeorm_migrations GROUP BY name`);
      expect(rows).toHaveLength(MIGRATIONS.length);
      expect(rows.every((row: { n: number }) => row.n === 1)).toBe(true);
    } finally {
      await Promise.all(sources.map((source) => source.destroy()));
    }
  });
});
