import type { EntityManager } from 'typeorm';

export interface EnqueueOptions {
  /** Replaces a pending job with the same key instead of adding a second one. */
  jobKey?: string;
  /** Default 25 (graphile-worker's own default). */
  maxAttempts?: number;
  /** Not before this instant. */
  runAt?: Date;
}

/**
 * The one way to schedule a background job: through the caller's `manager`, so the job is written in
 * the caller's transaction and exists only if that transaction commits.
 */
export async function enqueue(manager: EntityManager, task: string, payload: Record<string, unknown>, opts: EnqueueOptions = {}): Promise<void> {
  await manager.query(`SELECT graphile_worker.add_job($1, $2::json, run_at => $3::timestamptz, max_attempts => $4::int, job_key => $5::text)`, [
    task,
    JSON.stringify(payload),
    opts.runAt ?? null,
    opts.maxAttempts ?? 25,
    opts.jobKey ?? null,
  ]);
}
