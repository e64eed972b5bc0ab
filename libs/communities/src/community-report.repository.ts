import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CommunityReport } from './types/community-report.type.js';

@Injectable()
export class CommunityReportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One statement: every figure at the same moment. */
  async report(now: Date): Promise<CommunityReport> {
    const [row] = await this.dataSource.query(
      `SELECT
         (SELECT count(*)::int FROM study_groups WHERE status = 'ACTIVE') AS "activeGroups",
         (SELECT count(*)::int FROM study_groups WHERE status = 'FORMING') AS "formingGroups",
         (SELECT count(*)::int FROM study_groups WHERE status = 'ARCHIVED') AS "archivedGroups",
         (SELECT count(*)::int FROM study_group_members m JOIN study_groups g ON g.id = m.group_id
           WHERE m.status = 'ACTIVE' AND g.status <> 'ARCHIVED') AS "activeMemberships",
         (SELECT count(DISTINCT m.user_id)::int FROM study_group_members m JOIN study_groups g ON g.id = m.group_id
           WHERE m.status = 'ACTIVE' AND g.status <> 'ARCHIVED') AS "peopleInGroups",
         (SELECT count(*)::int FROM group_meetings WHERE status = 'SCHEDULED' AND starts_at <= $1) AS "meetingsHeld",
         (SELECT count(*)::int FROM group_meetings WHERE status = 'CANCELLED') AS "meetingsCancelled",
         (SELECT avg(present::int)::float FROM meeting_attendance) AS "attendanceRate",
         (SELECT count(*)::int FROM group_goals) AS "goals",
         (SELECT count(*)::int FROM group_goals WHERE status = 'ACHIEVED') AS "goalsAchieved",
         (SELECT avg(progress)::float FROM group_goals WHERE status <> 'DROPPED') AS "averageGoalProgress",
         (SELECT avg(rating)::float FROM meeting_feedback) AS "averageFeedback",
         (SELECT count(*)::int FROM meeting_feedback) AS "feedbackCount"`,
      [now],
    );
    return row;
  }
}
