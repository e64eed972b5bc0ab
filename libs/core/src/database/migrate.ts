import { DataSource } from 'typeorm';
import graphileWorker, { type Logger as JobLogger } from 'graphile-worker';
import { sharedPgPool } from './shared-pool.js';

/**
 * Brings a database up to date: our TypeORM migrations, then the job runner's own schema
 * (graphile-worker keeps its migrations in its `graphile_worker` schema).
 * Returns the names of the migrations applied.
 */
export async function migrateDatabase(dataSource: DataSource, logger?: JobLogger): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  const pgPool = sharedPgPool(dataSource);
  await graphileWorker.runMigrations({ pgPool, noPreparedStatements: true, logger });
  return applied.map((m) => m.name);
}

/** Schema changes that the entities describe but no migration makes (empty when in step). */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}
