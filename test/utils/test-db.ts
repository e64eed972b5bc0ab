import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateDatabase } from '../../libs/core/src/index.js';
import { guildhallDataSource } from '../../migrations/data-source.js';

export const TEMPLATE_DB = `guildhall_tpl_${process.env.GUILDHALL_TEST_RUN_ID ?? 'local'}`;

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export function adminUrl(database = 'postgres'): string {
  // Set by test/run-tests.mjs: the local server, DATABASE_URL's, or the embedded one started for the run.
  const url = new URL(process.env.GUILDHALL_TEST_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let templateReady: Promise<void> | undefined;

/**
 * Builds the migrated template once per test run: the first worker to get here builds it under an
 * advisory lock, the others wait and reuse it. The global teardown drops it.
 */
function ensureTemplateDatabase(): Promise<void> {
  templateReady ??= (async () => {
    const client = new pg.Client({ connectionString: adminUrl() });
    await client.connect();
    try {
      await client.query(`SELECT pg_advisory_lock(hashtext($1))`, [TEMPLATE_DB]);
      const { rows } = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [TEMPLATE_DB]);
      if (!rows.length) {
        await client.query(`CREATE DATABASE ${TEMPLATE_DB}`);
        const url = adminUrl(TEMPLATE_DB);
        const dataSource = await guildhallDataSource(url, 2).initialize();
        try {
          await migrateDatabase(dataSource);
        } catch (error) {
          await dataSource.destroy();
          await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
          throw error;
        }
        await dataSource.destroy();
      }
    } finally {
      await client.query(`SELECT pg_advisory_unlock(hashtext($1))`, [TEMPLATE_DB]).catch(() => undefined);
      await client.end();
    }
  })();
  return templateReady;
}

/** A fresh, migrated database for one test file: a copy of the template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  await ensureTemplateDatabase();
  const name = `guildhall_t_${process.env.GUILDHALL_TEST_RUN_ID ?? 'local'}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  return { url: adminUrl(name), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
