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
 * The add_job call as SQL, for `enqueue` and for a statement that adds a job per row it makes (an outbox email and
 * its delivery): each argument is an SQL expression (`payload` a json one).
 */
export function addJobSql(args: { task: string; payload: string; runAt: string; maxAttempts: string; jobKey: string }): string {
  return `graphile_worker.add_job(${args.task}, ${args.payload}, run_at => ${args.runAt}, max_attempts => ${args.maxAttempts}, job_key => ${args.jobKey})`;
}

/**
 * The one way to schedule a background job: through the caller's `manager`, so the job is written in
 * the caller's transaction and exists only if that transaction commits.
 */
export async function enqueue(manager: EntityManager, task: string, payload: Record<string, unknown>, opts: EnqueueOptions = {}): Promise<void> {
  await manager.query(`SELECT ${addJobSql({ task: '$1', payload: '$2::json', runAt: '$3::timestamptz', maxAttempts: '$4::int', jobKey: '$5::text' })}`, [
    task,
    JSON.stringify(payload),
    opts.runAt ?? null,
    opts.maxAttempts ?? 25,
    opts.jobKey ?? null,
  ]);
}
