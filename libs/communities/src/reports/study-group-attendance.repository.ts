import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { REPORT_MONTHS_SQL, type ReportPoint, type ReportRange } from '../../../core/src/index.js';

/** Study-group attendance in one statement. */
@Injectable()
export class StudyGroupAttendanceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Per month of the meeting's start: meetings with attendance recorded, people present, and the
   * attendance rate (present over recorded; 0 when nothing was recorded). Cancelled meetings are left out.
   */
  async attendance(range: ReportRange): Promise<ReportPoint[]> {
    return this.dataSource.query(
      `WITH months AS (${REPORT_MONTHS_SQL}),
       per_month AS (
         SELECT date_trunc('month', gm.starts_at AT TIME ZONE 'UTC') AS m, count(DISTINCT gm.id) AS meetings,
                count(*) FILTER (WHERE a.present) AS present, count(*) AS recorded
           FROM group_meetings gm JOIN meeting_attendance a ON a.meeting_id = gm.id
          WHERE gm.status <> 'CANCELLED' AND gm.starts_at >= $1 AND gm.starts_at < $2
          GROUP BY 1
       )
       SELECT to_char(mo.m, 'YYYY-MM') AS period, s.series,
              (CASE s.series
                 WHEN 'meetings' THEN coalesce(p.meetings, 0)
                 WHEN 'present' THEN coalesce(p.present, 0)
                 ELSE CASE WHEN coalesce(p.recorded, 0) = 0 THEN 0 ELSE round(p.present::numeric / p.recorded, 4) END
               END)::float AS value
         FROM months mo CROSS JOIN (VALUES (1, 'meetings'), (2, 'present'), (3, 'attendanceRate')) AS s(ord, series)
         LEFT JOIN per_month p ON p.m = mo.m
        ORDER BY mo.m, s.ord`,
      [range.from, range.to],
    );
  }
}
