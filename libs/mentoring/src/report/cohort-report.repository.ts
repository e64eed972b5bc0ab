import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface PairActivityRow {
  pairId: string;
  checkIns: number;
  confirmedCheckIns: number;
  confirmedMinutes: number;
  /** Mean of the pair's feedback ratings (1..5), null before any. */
  averageRating: number | null;
  ratings: number;
}

export interface FlagRow {
  pairId: string;
  authorId: string;
  rating: number;
  comment: string | null;
  submittedAt: Date;
}

/** The aggregates behind a cohort report, each one statement over the cohort's pairs. */
@Injectable()
export class CohortReportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async activity(cohortId: string): Promise<PairActivityRow[]> {
    const rows: Array<{ pair_id: string; check_ins: number; confirmed: number; minutes: number; average_rating: string | null; ratings: number }> = await this.dataSource.query(
      `SELECT p.id AS pair_id, coalesce(ci.check_ins, 0)::int AS check_ins, coalesce(ci.confirmed, 0)::int AS confirmed,
              coalesce(ci.minutes, 0)::int AS minutes, f.average_rating, coalesce(f.ratings, 0)::int AS ratings
         FROM mentoring_pairs p
         LEFT JOIN LATERAL (
               SELECT count(*) AS check_ins, count(c.confirmed_at) AS confirmed,
                      sum(c.duration_minutes) FILTER (WHERE c.confirmed_at IS NOT NULL) AS minutes
                 FROM mentoring_check_ins c WHERE c.pair_id = p.id) ci ON true
         LEFT JOIN LATERAL (
               SELECT avg(fb.rating)::numeric(4,2) AS average_rating, count(*) AS ratings
                 FROM mentoring_pair_feedback fb WHERE fb.pair_id = p.id) f ON true
        WHERE p.cohort_id = $1`,
      [cohortId],
    );
    return rows.map((r) => ({
      pairId: r.pair_id,
      checkIns: r.check_ins,
      confirmedCheckIns: r.confirmed,
      confirmedMinutes: r.minutes,
      averageRating: r.average_rating === null ? null : Number(r.average_rating),
      ratings: r.ratings,
    }));
  }

  async ratings(cohortId: string): Promise<{ average: number | null; count: number }> {
    const [row]: Array<{ average: string | null; n: number }> = await this.dataSource.query(
      `SELECT avg(f.rating)::numeric(4,2) AS average, count(*)::int AS n
         FROM mentoring_pair_feedback f JOIN mentoring_pairs p ON p.id = f.pair_id
        WHERE p.cohort_id = $1`,
      [cohortId],
    );
    return { average: row.average === null ? null : Number(row.average), count: row.n };
  }

  /** Feedback that said "not a good fit", latest first. */
  async flags(cohortId: string): Promise<FlagRow[]> {
    const rows: Array<{ pair_id: string; author_id: string; rating: number; comment: string | null; updated_at: Date }> = await this.dataSource.query(
      `SELECT f.pair_id, f.author_id, f.rating, f.comment, f.updated_at
         FROM mentoring_pair_feedback f JOIN mentoring_pairs p ON p.id = f.pair_id
        WHERE p.cohort_id = $1 AND NOT f.good_fit
        ORDER BY f.updated_at DESC, f.id`,
      [cohortId],
    );
    return rows.map((r) => ({ pairId: r.pair_id, authorId: r.author_id, rating: r.rating, comment: r.comment, submittedAt: r.updated_at }));
  }

  async goals(cohortId: string): Promise<{ completed: number; total: number }> {
    const [row]: Array<{ completed: number; total: number }> = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE g.status = 'COMPLETED')::int AS completed, count(*)::int AS total
         FROM mentoring_goals g JOIN mentoring_pairs p ON p.id = g.pair_id
        WHERE p.cohort_id = $1`,
      [cohortId],
    );
    return row;
  }
}
