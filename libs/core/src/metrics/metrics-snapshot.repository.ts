import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface QueueSnapshot {
  /** Due and waiting for a worker. */
  ready: number;
  /** Scheduled for later (including retries after a failure). */
  scheduled: number;
  locked: number;
  /** Failed at least once and will be retried. */
  retrying: number;
  /** Out of attempts: will not run again. */
  dead: number;
  /** Seconds the oldest due, unlocked job has waited (0 when none). */
  oldestReadyAgeSeconds: number;
}

/** The few counts a scrape reads from the database: job queue and outbox. */
@Injectable()
export class MetricsSnapshotRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async queue(): Promise<QueueSnapshot> {
    const [row] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts AND run_at <= now())::int AS ready,
              count(*) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts AND run_at > now())::int AS scheduled,
              count(*) FILTER (WHERE locked_at IS NOT NULL)::int AS locked,
              count(*) FILTER (WHERE attempts > 0 AND attempts < max_attempts AND last_error IS NOT NULL)::int AS retrying,
              count(*) FILTER (WHERE attempts >= max_attempts)::int AS dead,
              coalesce(extract(epoch FROM now() - min(run_at) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts AND run_at <= now())), 0)::float AS oldest
         FROM graphile_worker.jobs`,
    );
    return {
      ready: row.ready,
      scheduled: row.scheduled,
      locked: row.locked,
      retrying: row.retrying,
      dead: row.dead,
      oldestReadyAgeSeconds: Number(row.oldest),
    };
  }

  async outboxByStatus(): Promise<Array<{ status: string; count: number; oldestAgeSeconds: number }>> {
    const rows: Array<{ status: string; n: number; oldest: string }> = await this.dataSource.query(
      `SELECT status, count(*)::int AS n, extract(epoch FROM now() - min(created_at))::float AS oldest
         FROM outbox_messages WHERE status IN ('PENDING', 'FAILED') GROUP BY status`,
    );
    return rows.map((r) => ({ status: r.status, count: r.n, oldestAgeSeconds: Number(r.oldest) }));
  }
}
