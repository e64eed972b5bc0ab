import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';

const prepared = new WeakSet<Pool>();

/**
 * The app's own pg pool (TypeORM's), for the job runner to share. Idle-client errors are handled
 * here (graphile-worker asks for it): a dropped connection is logged by pg's pool and replaced,
 * instead of crashing the process with an unhandled 'error' event.
 */
export function sharedPgPool(dataSource: DataSource, onError: (error: Error) => void = () => undefined): Pool {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  if (!prepared.has(pool)) {
    prepared.add(pool);
    pool.on('error', onError);
    pool.on('connect', (client: PoolClient) => client.on('error', onError));
  }
  return pool;
}
