import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccountabilityCheckInEntity } from './entities/accountability-check-in.entity.js';
import { MeetingAttendanceEntity } from './entities/meeting-attendance.entity.js';
import { MeetingFeedbackEntity } from './entities/meeting-feedback.entity.js';

/** What happened at meetings: attendance, check-ins and feedback. */
@Injectable()
export class MeetingRecordsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Replaces the meeting's attendance: one row per listed member, present or not. */
  async replaceAttendance(manager: EntityManager, meetingId: string, rows: Array<{ userId: string; present: boolean }>, recordedBy: string): Promise<void> {
    await manager.query(`DELETE FROM meeting_attendance WHERE meeting_id = $1`, [meetingId]);
    if (!rows.length) return;
    await manager.query(
      `INSERT INTO meeting_attendance (meeting_id, user_id, present, recorded_by)
       SELECT $1, user_id, present, $4 FROM unnest($2::uuid[], $3::boolean[]) AS x(user_id, present)`,
      [meetingId, rows.map((r) => r.userId), rows.map((r) => r.present), recordedBy],
    );
  }

  async attendanceByMeetingIds(meetingIds: readonly string[]): Promise<MeetingAttendanceEntity[][]> {
    const rows = await this.dataSource
      .getRepository(MeetingAttendanceEntity)
      .createQueryBuilder('a')
      .where('a.meeting_id = ANY(:meetingIds)', { meetingIds })
      .orderBy('a.meeting_id')
      .addOrderBy('a.present', 'DESC')
      .addOrderBy('a.user_id')
      .getMany();
    return group(meetingIds, rows, (r) => r.meetingId);
  }

  /** One check-in per member per meeting: a second one replaces the first. */
  async upsertCheckIn(manager: EntityManager, meetingId: string, userId: string, entry: { done: string; next: string; blockers: string | null }): Promise<AccountabilityCheckInEntity> {
    const [row] = await manager.query(
      `INSERT INTO accountability_check_ins (meeting_id, user_id, done, next, blockers) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (meeting_id, user_id) DO UPDATE SET done = EXCLUDED.done, next = EXCLUDED.next, blockers = EXCLUDED.blockers, updated_at = now()
       RETURNING id, meeting_id AS "meetingId", user_id AS "userId", done, next, blockers, created_at AS "createdAt", updated_at AS "updatedAt"`,
      [meetingId, userId, entry.done, entry.next, entry.blockers],
    );
    return row;
  }

  async checkInsByMeetingIds(meetingIds: readonly string[]): Promise<AccountabilityCheckInEntity[][]> {
    const rows = await this.dataSource
      .getRepository(AccountabilityCheckInEntity)
      .createQueryBuilder('c')
      .where('c.meeting_id = ANY(:meetingIds)', { meetingIds })
      .orderBy('c.meeting_id')
      .addOrderBy('c.created_at', 'ASC')
      .addOrderBy('c.id')
      .getMany();
    return group(meetingIds, rows, (r) => r.meetingId);
  }

  /** One rating per member per meeting: the latest counts. */
  async upsertFeedback(manager: EntityManager, meetingId: string, userId: string, rating: number, comment: string | null): Promise<void> {
    await manager.query(
      `INSERT INTO meeting_feedback (meeting_id, user_id, rating, comment) VALUES ($1, $2, $3, $4)
       ON CONFLICT (meeting_id, user_id) DO UPDATE SET rating = EXCLUDED.rating, comment = EXCLUDED.comment, updated_at = now()`,
      [meetingId, userId, rating, comment],
    );
  }

  /** One person's feedback on each of these meetings (undefined where they gave none). */
  async feedbackOf(userId: string, meetingIds: readonly string[]): Promise<Array<MeetingFeedbackEntity | undefined>> {
    const rows = await this.dataSource
      .getRepository(MeetingFeedbackEntity)
      .createQueryBuilder('f')
      .where('f.user_id = :userId AND f.meeting_id = ANY(:meetingIds)', { userId, meetingIds })
      .getMany();
    const byMeeting = new Map(rows.map((r) => [r.meetingId, r]));
    return meetingIds.map((id) => byMeeting.get(id));
  }
}

function group<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const grouped = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) grouped.get(keyOf(row))?.push(row);
  return keys.map((k) => grouped.get(k)!);
}
