import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { REPORT_MONTHS_SQL, type ReportPoint, type ReportRange } from '../../../core/src/index.js';

/** The charts' numbers about events, each one statement. */
@Injectable()
export class EventsReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Per month of the event's start (published or completed events starting in the range): confirmed
   * registrations, those checked in to at least one session, and the no-show rate of events already
   * begun (confirmed but never checked in, as a share of confirmed; 0 when none were confirmed).
   */
  async attendance(range: ReportRange): Promise<ReportPoint[]> {
    return this.dataSource.query(
      `WITH months AS (${REPORT_MONTHS_SQL}),
       regs AS (
         SELECT date_trunc('month', e.starts_at AT TIME ZONE 'UTC') AS m, e.starts_at <= now() AS begun,
                EXISTS (SELECT 1 FROM event_session_attendance a WHERE a.registration_id = r.id) AS attended
           FROM events e JOIN event_registrations r ON r.event_id = e.id AND r.status = 'CONFIRMED'
          WHERE e.status IN ('PUBLISHED', 'COMPLETED') AND e.starts_at >= $1 AND e.starts_at < $2
       ),
       per_month AS (
         SELECT m, count(*) AS confirmed, count(*) FILTER (WHERE attended) AS attended,
                count(*) FILTER (WHERE begun) AS begun, count(*) FILTER (WHERE begun AND NOT attended) AS no_shows
           FROM regs GROUP BY m
       )
       SELECT to_char(mo.m, 'YYYY-MM') AS period, s.series,
              (CASE s.series
                 WHEN 'confirmed' THEN coalesce(p.confirmed, 0)
                 WHEN 'attended' THEN coalesce(p.attended, 0)
                 ELSE CASE WHEN coalesce(p.begun, 0) = 0 THEN 0 ELSE round(p.no_shows::numeric / p.begun, 4) END
               END)::float AS value
         FROM months mo CROSS JOIN (VALUES (1, 'confirmed'), (2, 'attended'), (3, 'noShowRate')) AS s(ord, series)
         LEFT JOIN per_month p ON p.m = mo.m
        ORDER BY mo.m, s.ord`,
      [range.from, range.to],
    );
  }

  /**
   * CE credits earned at events per month of the session's start and category, by the transcript's
   * rule: verified attendance of a confirmed registration at an event not cancelled.
   */
  async creditsIssued(range: ReportRange): Promise<ReportPoint[]> {
    return this.dataSource.query(
      `SELECT to_char(date_trunc('month', s.starts_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS period,
              coalesce(s.ce_category, 'Uncategorised') AS series, sum(s.ce_credits)::float AS value
         FROM event_sessions s
         JOIN event_session_attendance a ON a.session_id = s.id
         JOIN event_registrations r ON r.id = a.registration_id AND r.status = 'CONFIRMED'
         JOIN events e ON e.id = s.event_id AND e.status <> 'CANCELLED'
        WHERE s.starts_at >= $1 AND s.starts_at < $2 AND s.ce_credits > 0
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [range.from, range.to],
    );
  }
}
