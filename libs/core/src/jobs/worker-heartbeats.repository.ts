import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Every query about worker heartbeats and the graphile-worker locks they vouch for. */
@Injectable()
export class WorkerHeartbeatsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async beat(processId: string, workerIds: string[]): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO worker_heartbeats (process_id, worker_ids, beat_at) VALUES ($1, $2::text[], now())
       ON CONFLICT (process_id) DO UPDATE SET worker_ids = EXCLUDED.worker_ids, beat_at = now()`,
      [processId, workerIds],
    );
  }

  async remove(processId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM worker_heartbeats WHERE process_id = $1`, [processId]);
  }

  /**
   * Releases jobs (and their queues) locked for longer than `staleSeconds` by workers that no live
   * process vouches for: their process died (SIGKILL, crash, lost host). Uses graphile-worker's own
   * `force_unlock_workers`; the job's attempt stays counted, so a job that kills its process stops
   * after max_attempts. Returns the released worker ids.
   */
  async releaseOrphanedLocks(staleSeconds: number): Promise<string[]> {
    const rows: Array<{ locked_by: string }> = await this.dataSource.query(
      `SELECT DISTINCT j.locked_by
         FROM graphile_worker._private_jobs j
        WHERE j.locked_by IS NOT NULL
          AND j.locked_at < now() - make_interval(secs => $1)
          AND NOT EXISTS (
                SELECT 1 FROM worker_heartbeats h
                 WHERE h.beat_at > now() - make_interval(secs => $1) AND j.locked_by = ANY (h.worker_ids))`,
      [staleSeconds],
    );
    const workerIds = rows.map((r) => r.locked_by);
    if (workerIds.length) await this.dataSource.query(`SELECT graphile_worker.force_unlock_workers($1::text[])`, [workerIds]);
    await this.dataSource.query(`DELETE FROM worker_heartbeats WHERE beat_at < now() - interval '1 day'`);
    return workerIds;
  }
}
