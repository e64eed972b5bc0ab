import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions.js';
import graphileWorker, { type Runner } from 'graphile-worker';
import pg from 'pg';
import { type AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { sharedPgPool } from '../database/shared-pool.js';
import { type RootLogger, jobRunnerLogger } from '../logging/logger.js';
import { ROOT_LOGGER } from '../logging/logging.module.js';
import { JobRegistry } from './job-registry.js';

const CONCURRENCY = 2;

/**
 * graphile-worker, a Postgres-backed job queue (jobs are rows; workers take them with SKIP LOCKED;
 * cron ticks are claimed once across processes), so two API processes on one database share the work.
 */
@Injectable()
export class JobRunnerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private runner?: Runner;
  private runnerPool?: pg.Pool;

  constructor(
    private readonly registry: JobRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly logger: RootLogger,
    @Inject('DATABASE_MIGRATED') private readonly _migrated: boolean,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    this.runnerPool = this.ownPool();
    this.runner = await graphileWorker.run({
      ...this.commonOptions(),
      pgPool: this.runnerPool,
      concurrency: CONCURRENCY,
      pollInterval: 1000,
      parsedCronItems: graphileWorker.parseCronItems(this.registry.schedules),
    });
  }

  /** Runs every job that is due now, then returns (tests and the CLI use this instead of the runner). */
  async runDueJobs(): Promise<void> {
    await graphileWorker.runOnce(this.commonOptions());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner?.stop();
    this.runner = undefined;
    await this.runnerPool?.end();
    this.runnerPool = undefined;
  }

  /**
   * The running worker's own connections: the client it keeps LISTENing for new jobs, and one per
   * concurrent job to take and finish it (the tasks themselves use the app's pool through our services).
   * Taken from the app's pool, the LISTEN client left a pool of 2 with one connection: reconciliation,
   * holding it for its session lock, then waited for another, and every request stalled behind it.
   */
  private ownPool(): pg.Pool {
    const pool = new pg.Pool({
      connectionString: (this.dataSource.options as PostgresDataSourceOptions).url,
      max: CONCURRENCY + 1,
      application_name: 'guildhall-jobs',
    });
    // graphile-worker wants both handlers: a dropped connection is logged and replaced, never an unhandled 'error'.
    const onError = (error: Error) => this.logger.warn({ err: error, context: 'database' }, 'A job runner connection failed');
    pool.on('error', onError);
    pool.on('connect', (client) => client.on('error', onError));
    return pool;
  }

  /** `runDueJobs` (no LISTEN) takes its few statements from the app's pool. */
  private commonOptions() {
    return {
      pgPool: sharedPgPool(this.dataSource, (error) => this.logger.warn({ err: error, context: 'database' }, 'A pooled connection failed')),
      noPreparedStatements: true,
      noHandleSignals: true,
      taskList: this.registry.tasks,
      logger: jobRunnerLogger(this.logger),
    };
  }
}
