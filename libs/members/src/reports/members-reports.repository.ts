import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { REPORT_MONTHS_SQL, type ReportPoint, type ReportRange } from '../../../core/src/index.js';
import { MembershipStatus } from '../membership.enums.js';

/** The charts' numbers about members, each one statement over membership_status_changes. */
@Injectable()
export class MembersReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * How many memberships were in each status at the end of each month (at `to` for the last one): every status
   * change adds one to its new status and takes one from its old, summed up to then. The changes are first counted
   * by (to, from) straight from `membership_status_changes_created_idx` (index-only range scans, no per-row
   * unpivot or month computed per row): those before the first month as one bucket, then each month's range on its
   * own (up to `to`). Only the few counted rows are then turned into +n/-n per status and summed month by month.
   */
  async membersByStatus(range: ReportRange): Promise<ReportPoint[]> {
    return this.dataSource.query(
      `WITH months AS (${REPORT_MONTHS_SQL}),
       first_month AS (SELECT min(m) AS m, min(m) AT TIME ZONE 'UTC' AS at FROM months),
       moves AS (
         SELECT f.m, c.to_status, c.from_status, count(*) AS n
           FROM membership_status_changes c CROSS JOIN first_month f
          WHERE c.created_at < f.at GROUP BY 1, 2, 3
         UNION ALL
         SELECT mo.m, g.to_status, g.from_status, g.n
           FROM months mo CROSS JOIN LATERAL (
             SELECT c.to_status, c.from_status, count(*) AS n FROM membership_status_changes c
              WHERE c.created_at >= mo.m AT TIME ZONE 'UTC' AND c.created_at < least((mo.m + interval '1 month') AT TIME ZONE 'UTC', $2)
              GROUP BY 1, 2
           ) g
       ),
       by_month AS (
         SELECT mv.m, v.status, sum(v.delta) AS delta
           FROM moves mv CROSS JOIN LATERAL (VALUES (mv.to_status, mv.n), (mv.from_status, -mv.n)) AS v(status, delta)
          WHERE v.status IS NOT NULL
          GROUP BY 1, 2
       )
       SELECT to_char(mo.m, 'YYYY-MM') AS period, s.status AS series,
              (sum(coalesce(b.delta, 0)) OVER (PARTITION BY s.status ORDER BY mo.m))::float AS value
         FROM months mo CROSS JOIN unnest($3::text[]) WITH ORDINALITY AS s(status, ord)
         LEFT JOIN by_month b ON b.m = mo.m AND b.status = s.status
        ORDER BY mo.m, s.ord`,
      [range.from, range.to, Object.values(MembershipStatus)],
    );
  }

  /**
   * Per month: joins (memberships whose first period started then: `started_at`, which keeps an
   * imported member's original join date) and lapses (changes to LAPSED).
   */
  async joinsAndLapses(range: ReportRange): Promise<ReportPoint[]> {
    return this.dataSource.query(
      `WITH months AS (${REPORT_MONTHS_SQL}),
       joins AS (
         SELECT date_trunc('month', m.started_at AT TIME ZONE 'UTC') AS m, count(*) AS n
           FROM memberships m WHERE m.started_at >= $1 AND m.started_at < $2 GROUP BY 1
       ),
       lapses AS (
         SELECT date_trunc('month', c.created_at AT TIME ZONE 'UTC') AS m, count(*) AS n
           FROM membership_status_changes c WHERE c.to_status = 'LAPSED' AND c.created_at >= $1 AND c.created_at < $2 GROUP BY 1
       )
       SELECT to_char(mo.m, 'YYYY-MM') AS period, s.series, coalesce(CASE s.series WHEN 'joins' THEN j.n ELSE l.n END, 0)::float AS value
         FROM months mo CROSS JOIN (VALUES (1, 'joins'), (2, 'lapses')) AS s(ord, series)
         LEFT JOIN joins j ON j.m = mo.m LEFT JOIN lapses l ON l.m = mo.m
        ORDER BY mo.m, s.ord`,
      [range.from, range.to],
    );
  }
}
