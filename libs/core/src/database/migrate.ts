import pg from 'pg';
import { DataSource } from 'typeorm';
import graphileWorker, { type Logger as JobLogger } from 'graphile-worker';
import { sharedPgPool } from './shared-pool.js';

/** One key for every process that migrates this database (app start, CLI, seeds, tests). */
const MIGRATION_LOCK = 'guildhall:migrations';

/**
 * Brings a database up to date: our TypeORM migrations, then the job runner's own schema
 * (graphile-worker keeps its migrations in its `graphile_worker` schema). Processes started together
 * take turns: a session advisory lock, held on a connection of its own (not one of the pool's, which
 * the migrations use), makes the others wait and then find nothing to do.
 * Returns the names of the migrations applied.
 */
export async function migrateDatabase(dataSource: DataSource, logger?: JobLogger): Promise<string[]> {
  const lock = new pg.Client({ connectionString: urlOf(dataSource), application_name: 'guildhall-migrations-lock' });
  lock.on('error', () => undefined); // a dropped lock connection surfaces as the migration's own error
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    const pgPool = sharedPgPool(dataSource);
    await graphileWorker.runMigrations({ pgPool, noPreparedStatements: true, logger });
    return applied.map((m) => m.name);
  } finally {
    // Ending the session releases the lock too; unlock first so waiting processes go on at once.
    await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.end().catch(() => undefined);
  }
}

function urlOf(dataSource: DataSource): string {
  const url = (dataSource.options as { url?: string }).url;
  if (!url) throw new Error('migrateDatabase needs a DataSource configured with a url');
  return url;
}

/** Schema changes that the entities describe but no migration makes (empty when in step). */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}
