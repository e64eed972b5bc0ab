import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface QuietPair {
  id: string;
  /** When the quiet spell began: the latest check-in, or the pair's start. */
  anchor: Date;
  /** Whole 21-day windows since then (1 = first nudge, 2 = second…). */
  quietWindows: number;
  cohortName: string;
  mentorUserId: string;
  menteeUserId: string;
}

/** The time-driven statements of the mentoring job; each status move re-checks the status it moves from. */
@Injectable()
export class MentoringJobsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Open cohorts whose applicationsCloseAt has passed → MATCHING. Returns how many moved. */
  async closeDueCohorts(now: Date): Promise<number> {
    // UPDATE … RETURNING answers [rows, count] through TypeORM.
    const [, moved]: [unknown[], number] = await this.dataSource.query(
      `UPDATE mentoring_cohorts SET status = 'MATCHING', updated_at = now()
        WHERE status = 'APPLICATIONS_OPEN' AND applications_close_at <= $1 RETURNING id`,
      [now],
    );
    return moved;
  }

  /** Active cohorts whose endsAt has passed → COMPLETED, with their still-active pairs. */
  async completeEndedCohorts(manager: EntityManager, now: Date): Promise<{ cohorts: number; pairs: number }> {
    const [ended]: [Array<{ id: string }>, number] = await manager.query(
      `UPDATE mentoring_cohorts SET status = 'COMPLETED', updated_at = now()
        WHERE status = 'ACTIVE' AND ends_at <= $1 RETURNING id`,
      [now],
    );
    if (!ended.length) return { cohorts: 0, pairs: 0 };
    const [, pairs]: [unknown, number] = await manager.query(
      `UPDATE mentoring_pairs SET status = 'COMPLETED', ended_at = c.ends_at, end_reason = 'The cohort ended', updated_at = now()
         FROM mentoring_cohorts c
        WHERE c.id = mentoring_pairs.cohort_id AND c.id = ANY($1::uuid[]) AND mentoring_pairs.status = 'ACTIVE'`,
      [ended.map((c) => c.id)],
    );
    return { cohorts: ended.length, pairs };
  }

  /** Active pairs of active cohorts with no check-in for `days` days, by id after `afterId`. */
  async quietPairs(now: Date, days: number, afterId: string, limit: number): Promise<QuietPair[]> {
    const rows: Array<{
      id: string; anchor: Date; quiet_windows: number; cohort_name: string;
      mentor_id: string; mentee_id: string;
    }> = await this.dataSource.query(
      `SELECT p.id, coalesce(p.last_check_in_at, p.started_at) AS anchor,
              floor(extract(epoch FROM ($1::timestamptz - coalesce(p.last_check_in_at, p.started_at))) / ($2 * 86400))::int AS quiet_windows,
              c.name AS cohort_name,
              p.mentor_user_id AS mentor_id, p.mentee_user_id AS mentee_id
         FROM mentoring_pairs p
         JOIN mentoring_cohorts c ON c.id = p.cohort_id
        WHERE p.status = 'ACTIVE' AND c.status = 'ACTIVE'
          AND coalesce(p.last_check_in_at, p.started_at) <= $1::timestamptz - make_interval(days => $2)
          AND p.id > $3
        ORDER BY p.id LIMIT $4`,
      [now, days, afterId, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      anchor: new Date(r.anchor),
      quietWindows: r.quiet_windows,
      cohortName: r.cohort_name,
      mentorUserId: r.mentor_id,
      menteeUserId: r.mentee_id,
    }));
  }
}
