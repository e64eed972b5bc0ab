import { describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { readIsoTimestamptz } from '../../libs/core/src/database/timestamptz.js';
import { adminUrl } from '../utils/test-db.js';

/**
 * The timestamptz text the server under test writes (the local one, or the embedded one in that pass), read by
 * position, in session time zones with whole-hour, half-hour and historical (seconds) offsets. The server's zone
 * data decides the offsets it writes (the embedded build's differ from Debian's), so only the instants are compared.
 */
describe('parseTimestamptz on what PostgreSQL writes', () => {
  it.each(['UTC', 'Asia/Kolkata', 'America/St_Johns', 'Europe/Amsterdam'])('reads the instants PostgreSQL wrote in %s', async (zone) => {
    const client = new pg.Client({ connectionString: adminUrl(), types: { getTypeParser: () => (text: string) => text } as never });
    await client.connect();
    try {
      await client.query(`SET TimeZone = '${zone}'`);
      const { rows } = await client.query<{ early: string; now: string; summer: string }>(
        `SELECT '1900-01-01 12:00:00.5+00'::timestamptz AS early, '2026-12-07 14:00:00.123456+00'::timestamptz AS now, '2026-07-01 23:30:00+00'::timestamptz AS summer`,
      );
      expect(readIsoTimestamptz(rows[0].early)?.toISOString()).toBe('1900-01-01T12:00:00.500Z');
      expect(readIsoTimestamptz(rows[0].now)?.toISOString()).toBe('2026-12-07T14:00:00.123Z');
      expect(readIsoTimestamptz(rows[0].summer)?.toISOString()).toBe('2026-07-01T23:30:00.000Z');
    } finally {
      await client.end();
    }
  });
});
