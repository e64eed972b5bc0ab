import { describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { adminUrl } from './test-db.js';
import { endPool } from './end-pool.js';

describe('endPool', () => {
  it('resolves only once every connection of the pool has closed', async () => {
    const pool = new pg.Pool({ connectionString: adminUrl(), max: 2, idleTimeoutMillis: 0 });
    const clients = await Promise.all([pool.connect(), pool.connect()]);
    const ended = clients.map((client) => new Promise<string>((resolve) => client.once('end', () => resolve('ended'))));
    clients.forEach((client) => client.release());

    await endPool(pool);

    // pg-pool's own end() resolves while its idle connections are still closing: a DROP DATABASE ... WITH (FORCE)
    // run then terminates them, and the pool emits that as an 'error' nobody listens to (CI, stop 28).
    const settled = await Promise.all(ended.map((end) => Promise.race([end, Promise.resolve('still open')])));
    expect(settled).toEqual(['ended', 'ended']);
  });

  it('resolves at once for a pool that never connected', async () => {
    const pool = new pg.Pool({ connectionString: adminUrl() });
    await expect(endPool(pool)).resolves.toBeUndefined();
    expect(pool.ended).toBe(true);
  });
});
