import { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/bootstrap.js';
import { AppConfig, JobRunnerService, loadConfig, ViewerCache } from '../../libs/core/src/index.js';
import { createTestDatabase, TestDatabase } from './test-db.js';
import { installTransactionGuard } from './transaction-guard.js';

export interface GqlResult<T = Record<string, any>> {
  status: number;
  data: T | null | undefined;
  errors?: Array<{ message: string; path?: string[]; extensions: { code: string; fields?: Array<{ path: string; message: string }>; [k: string]: unknown } }>;
}

export interface TestApp {
  app: INestApplication;
  url: string;
  config: AppConfig;
  dataSource: DataSource;
  /** POST /graphql as a client would (optionally with a bearer token). */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  /** Runs the background jobs that are due now (the runner itself is off in tests). */
  runJobs(): Promise<void>;
  sql<T = Record<string, any>>(query: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * Boots the real app on a fresh database, listening on a free port. With `sameDatabaseAs`, another process on
 * that app's database instead (a restart with other settings); its close() leaves the database to its owner.
 */
export async function startTestApp(env: Record<string, string> = {}, sameDatabaseAs?: TestApp): Promise<TestApp> {
  installTransactionGuard();
  const started = performance.now();
  const db: TestDatabase = sameDatabaseAs
    ? { url: sameDatabaseAs.config.databaseUrl!, drop: () => Promise.resolve() }
    : await createTestDatabase();
  const databaseReady = performance.now();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: db.url,
    GUILDHALL_JOBS_ENABLED: 'false',
    JWT_SECRET: 'test-secret-that-is-at-least-32-characters-long',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...env,
  });
  const app = await createApp(config);
  // PORT 0 (the default here): any free port. A caller that needs links back to the app (PUBLIC_URL) picks one.
  try {
    await app.listen(config.port, '127.0.0.1');
  } catch (error) {
    // A chosen port taken in the meantime (EADDRINUSE): leave nothing running behind (the LISTEN
    // connection, timers, the database) so the caller can try another.
    await app.close().catch(() => undefined);
    await db.drop().catch(() => undefined);
    throw error;
  }
  reportSlowStart(started, databaseReady);
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const dataSource = app.get<DataSource>(getDataSourceToken());
  return {
    app,
    url,
    config,
    dataSource,
    async gql(query, variables, token) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as GqlResult<any>;
      return { status: response.status, data: body.data, errors: body.errors };
    },
    async runJobs() {
      // graphile-worker's runOnce has, rarely, returned before taking a job added a moment earlier:
      // give it a few turns while due, unlocked jobs remain (failed ones move to a later run_at).
      for (let turn = 0; turn < 5; turn++) {
        await app.get(JobRunnerService).runDueJobs();
        const [{ due }] = await dataSource.query(
          `SELECT count(*)::int AS due FROM graphile_worker.jobs WHERE run_at <= now() AND locked_at IS NULL AND attempts < max_attempts`,
        );
        app.get(ViewerCache).clear(); // a job's writes reach the cache by the database's notice, as `sql` below
        if (!due) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    // A write made here bypasses the app, as psql would: the app's ViewerCache learns of it from the database's
    // notice a moment later. Tests expect the next request to see it at once, so the cache is emptied here, as the
    // notice would (test/e2e/viewer-cache.e2e.spec.ts proves the notices themselves).
    sql: async (query, params) => {
      const rows = await dataSource.query(query, params);
      app.get(ViewerCache).clear();
      return rows;
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/** A start slower than this is reported with its parts, so a slow CI run says where the time went. */
const SLOW_START_MS = 15_000;

function reportSlowStart(started: number, databaseReady: number): void {
  const total = performance.now() - started;
  if (total < SLOW_START_MS) return;
  const memory = Math.round(process.memoryUsage().rss / 2 ** 20);
  console.warn(
    `startTestApp took ${(total / 1000).toFixed(1)} s: database ${((databaseReady - started) / 1000).toFixed(1)} s, ` +
      `app ${((performance.now() - databaseReady) / 1000).toFixed(1)} s (worker RSS ${memory} MB)`,
  );
}

/** The first error's code, or undefined: most assertions about refusals want just this. */
export function errorCode(result: GqlResult): string | undefined {
  return result.errors?.[0]?.extensions.code;
}
