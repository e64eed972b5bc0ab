import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ReportPoint, ReportRange } from '../../../core/src/index.js';

/** Mentoring health in one statement: per cohort starting in the range, its pairs by status, check-ins per pair, ratings. */
@Injectable()
export class MentoringHealthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Period: the cohort, as "<name> (YYYY-MM of its start)". Series: ACTIVE, COMPLETED and ENDED_EARLY
   * pairs; checkInsPerPair (confirmed check-ins over pairs); averageRating (of the pairs' feedback, 1 to 5;
   * 0 without feedback). Cohorts without pairs are left out.
   */
  async health(range: ReportRange): Promise<ReportPoint[]> {
    return this.dataSource.query(
      `WITH cohorts AS (
         SELECT c.id, c.name || ' (' || to_char(c.starts_at AT TIME ZONE 'UTC', 'YYYY-MM') || ')' AS label, c.starts_at
           FROM mentoring_cohorts c WHERE c.starts_at >= $1 AND c.starts_at < $2
       ),
       per_cohort AS (
         SELECT c.id, c.label, c.starts_at,
                count(*) FILTER (WHERE p.status = 'ACTIVE') AS active,
                count(*) FILTER (WHERE p.status = 'COMPLETED') AS completed,
                count(*) FILTER (WHERE p.status = 'ENDED_EARLY') AS ended_early,
                count(*) AS pairs,
                (SELECT count(*) FROM mentoring_check_ins ci JOIN mentoring_pairs q ON q.id = ci.pair_id
                  WHERE q.cohort_id = c.id AND ci.confirmed_at IS NOT NULL) AS check_ins,
                (SELECT avg(f.rating) FROM mentoring_pair_feedback f JOIN mentoring_pairs q ON q.id = f.pair_id WHERE q.cohort_id = c.id) AS rating
           FROM cohorts c JOIN mentoring_pairs p ON p.cohort_id = c.id
          GROUP BY c.id, c.label, c.starts_at
       )
       SELECT pc.label AS period, s.series,
              (CASE s.series
                 WHEN 'ACTIVE' THEN pc.active
                 WHEN 'COMPLETED' THEN pc.completed
                 WHEN 'ENDED_EARLY' THEN pc.ended_early
                 WHEN 'checkInsPerPair' THEN round(pc.check_ins::numeric / pc.pairs, 2)
                 ELSE round(coalesce(pc.rating, 0), 2)
               END)::float AS value
         FROM per_cohort pc
        CROSS JOIN (VALUES (1, 'ACTIVE'), (2, 'COMPLETED'), (3, 'ENDED_EARLY'), (4, 'checkInsPerPair'), (5, 'averageRating')) AS s(ord, series)
        ORDER BY pc.starts_at, pc.id, s.ord`,
      [range.from, range.to],
    );
  }
}
