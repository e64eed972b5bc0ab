import { Inject, Injectable, OnModuleDestroy, Optional } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { AppError, ErrorCode, workerScript, type WorkerScript } from '../../../core/src/index.js';
import { MatchingError, MatchingErrorCode, type MatchingInput, type MatchingResult } from '../matching/index.js';
import type { MatchingTaskOutcome } from '../matching/matching.worker.js';
import { MentoringErrorReason } from '../mentoring.errors.js';

export interface MatchingRunnerOptions {
  /** The worker script (default: `matching/matching.worker`, from the build or the sources). */
  script?: WorkerScript;
  /** Proposals solved at once; more wait in a queue. Default: the CPUs less one (at least 1). */
  maxThreads?: number;
  /** A worker idle this long is stopped (the next proposal starts another, ~40 ms). Default 60 s. */
  idleTimeoutMs?: number;
  /** Heap limit of a worker: beyond it the proposal fails, not the API. Default 2,048 MB. */
  maxHeapMb?: number;
}

export const MATCHING_RUNNER_OPTIONS = Symbol('MATCHING_RUNNER_OPTIONS');

/**
 * Runs the optimal matcher in worker threads, so that a large cohort's proposal never holds the event
 * loop that answers every other request. A pool (piscina) keeps a worker warm between an admin's
 * successive adjustments (starting one and loading the matcher costs tens of ms, hundreds on a loaded
 * machine) and queues proposals beyond `maxThreads`, so they never take every CPU.
 *
 * Locks that cannot all hold are the admin's to fix (CONFLICT, listing every problem); malformed input
 * cannot come from the database's constrained rows, so it stays an internal error, as does a worker
 * that crashes or runs out of memory (the API itself carries on).
 */
@Injectable()
export class MatchingRunner implements OnModuleDestroy {
  private pool: Piscina<MatchingInput, MatchingTaskOutcome> | null = null;

  constructor(@Optional() @Inject(MATCHING_RUNNER_OPTIONS) private readonly options: MatchingRunnerOptions = {}) {}

  private inFlight = 0;

  async run(input: MatchingInput): Promise<MatchingResult> {
    this.inFlight += 1;
    const outcome = await this.workers()
      .run(input)
      .finally(() => (this.inFlight -= 1));
    if (outcome.ok) return outcome.result;
    if (outcome.code === MatchingErrorCode.CONFLICTING_LOCKS) {
      throw new AppError(ErrorCode.CONFLICT, `Locked pairs cannot all hold: ${outcome.issues.join('; ')}`, { reason: MentoringErrorReason.CONFLICTING_LOCKS });
    }
    throw new MatchingError(outcome.code, outcome.issues);
  }

  /** Proposals handed to the workers and not answered yet (solving or queued). */
  get pending(): number {
    return this.inFlight;
  }

  async onModuleDestroy(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.destroy();
  }

  /** Started on first use, so that an API (or a test) that never proposes starts no thread. */
  private workers(): Piscina<MatchingInput, MatchingTaskOutcome> {
    if (this.pool) return this.pool;
    const script = this.options.script ?? workerScript(import.meta.url, '../matching/matching.worker');
    const maxThreads = this.options.maxThreads ?? Math.max(1, availableParallelism() - 1);
    this.pool = new Piscina({
      filename: script.filename,
      execArgv: [...script.execArgv],
      minThreads: 0,
      maxThreads,
      idleTimeout: this.options.idleTimeoutMs ?? 60_000,
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? 2048 },
    });
    return this.pool;
  }
}
