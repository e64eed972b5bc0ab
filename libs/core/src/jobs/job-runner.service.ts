import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import graphileWorker, { type Runner, type WorkerEvents } from 'graphile-worker';
import pg from 'pg';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions.js';
import { type AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { sharedPgPool } from '../database/shared-pool.js';
import { type RootLogger, jobRunnerLogger } from '../logging/logger.js';
import { ROOT_LOGGER } from '../logging/logging.module.js';
import { RepeatGate } from '../logging/repeat-gate.js';
import { JobRegistry } from './job-registry.js';
import { WorkerHeartbeatsRepository } from './worker-heartbeats.repository.js';

/** How long running jobs get to finish on shutdown before they are failed and unlocked (retried later). */
const JOB_GRACE_MS = 4_000;
const KILL_GRACE_MS = 2_000;
const CONCURRENCY = 2;

/**
 * graphile-worker, a Postgres-backed job queue (jobs are rows; workers take them with SKIP LOCKED;
 * cron ticks are claimed once across processes), so two API processes on one database share the work.
 *
 * Crash recovery: the process beats in `worker_heartbeats` with the ids of its workers; every beat
 * also releases jobs locked by workers no live process vouches for (graphile-worker alone waits 4 h).
 * Shutdown: the runner stops in `beforeApplicationShutdown`, before TypeORM ends the app's pool that its
 * tasks use; then its own pool closes.
 */
@Injectable()
export class JobRunnerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private runner?: Runner;
  private runnerPool?: pg.Pool;
  private readonly processId = randomUUID();
  private readonly workerIds = new Set<string>();
  private beatTimer?: NodeJS.Timeout;
  private beating?: Promise<void>;
  /** A database outage fails every beat and connection alike: log it once a minute with a count. */
  private readonly repeats = new RepeatGate();

  constructor(
    private readonly registry: JobRegistry,
    private readonly heartbeats: WorkerHeartbeatsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly logger: RootLogger,
    @Inject('DATABASE_MIGRATED') private readonly _migrated: boolean,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    const events: WorkerEvents = new EventEmitter();
    events.on('worker:create', ({ worker }) => this.workerIds.add(worker.workerId));
    events.on('worker:stop', ({ worker }) => this.workerIds.delete(worker.workerId));
    this.runnerPool = this.ownPool();
    this.runner = await graphileWorker.run({
      ...this.commonOptions(),
      pgPool: this.runnerPool,
      events,
      concurrency: CONCURRENCY,
      pollInterval: 1000,
      // Batched (even with no delay), a job's completion or failure is retried with backoff for minutes
      // when the database goes away; unbatched, graphile-worker 0.17 leaves that promise unawaited and
      // one failed write during an outage was an unhandled rejection that ended the process.
      preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
      parsedCronItems: graphileWorker.parseCronItems(this.registry.schedules),
    });
    await this.beat();
    this.beatTimer = setInterval(() => void this.beat(), this.config.jobs.heartbeatSeconds * 1000);
    this.beatTimer.unref();
  }

  /** Runs every job that is due now, then returns (tests and the CLI use this instead of the runner). */
  async runDueJobs(): Promise<void> {
    await graphileWorker.runOnce(this.commonOptions());
  }

  /** Releases jobs left locked by dead processes; returns the worker ids it released. */
  releaseOrphanedJobs(): Promise<string[]> {
    return this.heartbeats.releaseOrphanedLocks(this.config.jobs.staleAfterSeconds);
  }

  /** Runs before TypeORM destroys the pool: the runner must never outlive it. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.beatTimer);
    this.beatTimer = undefined;
    await this.beating;
    const runner = this.runner;
    this.runner = undefined;
    if (!runner) return;
    const stopped = runner.stop().catch((error: unknown) => this.logger.warn({ err: error, context: 'jobs' }, 'The job runner stopped with an error'));
    if (!(await settlesWithin(stopped, JOB_GRACE_MS))) {
      this.logger.warn({ context: 'jobs' }, `Jobs still running after ${JOB_GRACE_MS / 1000} s; failing and unlocking them for a retry`);
      await settlesWithin(runner.kill().catch(() => undefined), KILL_GRACE_MS);
    }
    await this.heartbeats.remove(this.processId).catch(() => undefined);
    await this.runnerPool?.end().catch(() => undefined);
    this.runnerPool = undefined;
  }

  private beat(): Promise<void> {
    this.beating = (async () => {
      try {
        await this.heartbeats.beat(this.processId, [...this.workerIds]);
        const released = await this.releaseOrphanedJobs();
        if (released.length) this.logger.warn({ context: 'jobs', workers: released }, 'Released jobs locked by workers of a process that stopped beating');
      } catch (error) {
        this.warnOnce('Worker heartbeat failed', error);
      }
    })();
    return this.beating;
  }

  private warnOnce(message: string, error: unknown): void {
    const heldBack = this.repeats.admit(`${message}:${error instanceof Error ? error.message : String(error)}`);
    if (heldBack === undefined) return;
    this.logger.warn({ err: error, context: 'jobs', ...(heldBack ? { repeatedSinceLastLog: heldBack } : {}) }, message);
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
    const onError = (error: Error) => this.warnOnce('A job runner connection failed', error);
    pool.on('error', onError);
    pool.on('connect', (client) => client.on('error', onError));
    return pool;
  }

  /** `runDueJobs` (no LISTEN) takes its few statements from the app's pool. */
  private commonOptions() {
    return {
      pgPool: sharedPgPool(this.dataSource, (error) => this.warnOnce('A pooled connection failed', error)),
      noPreparedStatements: true,
      noHandleSignals: true,
      taskList: this.registry.tasks,
      logger: jobRunnerLogger(this.logger),
    };
  }
}

async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const result = await Promise.race([promise.then(() => true as const), timeout]);
  clearTimeout(timer);
  return result;
}
