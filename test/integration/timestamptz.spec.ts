import { describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { readIsoTimestamptz } from '../../libs/core/src/database/timestamptz.js';
import { adminUrl } from '../utils/test-db.js';

/** The timestamptz text the server under test writes (the local one, or the embedded one in that pass), read by position. */
describe('parseTimestamptz on what PostgreSQL writes', () => {
  it('reads a value PostgreSQL wrote, in a zone with seconds in its offset', async () => {
    const client = new pg.Client({ connectionString: adminUrl(), types: { getTypeParser: () => (text: string) => text } as never });
    await client.connect();
    try {
      await client.query(`SET TimeZone = 'Europe/Amsterdam'`);
      const { rows } = await client.query<{ early: string; now: string }>(`SELECT '1900-01-01 12:00:00.5+00'::timestamptz::text AS early, '2026-12-07 14:00:00.123456+00'::timestamptz::text AS now`);
      expect(rows[0].early).toBe('1900-01-01 12:19:32.5+00:19:32');
      expect(readIsoTimestamptz(rows[0].early)?.toISOString()).toBe('1900-01-01T12:00:00.500Z');
      expect(readIsoTimestamptz(rows[0].now)?.toISOString()).toBe('2026-12-07T14:00:00.123Z');
    } finally {
      await client.end();
    }
  });
});
