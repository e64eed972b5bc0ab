import pg from 'pg';

/**
 * Ends a pool and waits until each of its connections has closed. pg-pool's end() resolves as soon as it has
 * asked its idle connections to close: a DROP DATABASE ... WITH (FORCE) sent then can terminate one still
 * open, and the pool emits that as an 'error' event, which fails the test file when nothing listens.
 */
export async function endPool(pool: pg.Pool): Promise<void> {
  let open = pool.totalCount;
  const closed = new Promise<void>((resolve) => {
    if (open === 0) return resolve();
    pool.on('remove', () => {
      if (--open === 0) resolve();
    });
  });
  await pool.end();
  await closed;
}
