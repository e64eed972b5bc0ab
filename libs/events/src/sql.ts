import { EntityManager } from 'typeorm';

/**
 * Rows of an UPDATE or DELETE … RETURNING: TypeORM answers those with `[rows, rowCount]`
 * (other statements with the rows alone).
 */
export async function returning<T>(manager: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const result: unknown = await manager.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

/** Schedules a background job in the caller's transaction (it runs only if the transaction commits). */
export async function enqueueJob(manager: EntityManager, task: string, payload: Record<string, unknown>, jobKey?: string): Promise<void> {
  await manager.query(`SELECT graphile_worker.add_job($1, $2::json, max_attempts => 25, job_key => $3)`, [task, JSON.stringify(payload), jobKey ?? null]);
}
