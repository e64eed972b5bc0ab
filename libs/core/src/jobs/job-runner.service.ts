import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import graphileWorker, { type Runner } from 'graphile-worker';
import { type AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { sharedPgPool } from '../database/shared-pool.js';
import { type RootLogger, jobRunnerLogger } from '../logging/logger.js';
import { ROOT_LOGGER } from '../logging/logging.module.js';
import { JobRegistry } from './job-registry.js';

/**
 * graphile-worker, a Postgres-backed job queue (jobs are rows; workers take them with SKIP LOCKED;
 * cron ticks are claimed once across processes), so two API processes on one database share the work.
 * Prepared statements are off because the embedded PGlite is one session shared by every connection.
 */
@Injectable()
export class JobRunnerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private runner?: Runner;

  constructor(
    private readonly registry: JobRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly logger: RootLogger,
    @Inject('DATABASE_MIGRATED') private readonly _migrated: boolean,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    this.runner = await graphileWorker.run({
      ...this.commonOptions(),
      concurrency: 2,
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
  }

  /**
   * The job runner shares the app's pg pool. On the embedded database that is what keeps it correct:
   * PGlite is one session, and its socket multiplexer may interleave the Parse/Bind/Execute messages
   * of two connections' unnamed statements; one small pool means one statement at a time.
   */
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
