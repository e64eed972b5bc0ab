import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type ConnectionShape, decodeTimeIdCursor, lazy, pageSize, toConnection } from '../../../core/src/index.js';

/** One person's registration as staff see it on the member's page: the event and the credits in the same row. */
export interface MemberRegistrationRow {
  id: string;
  status: string;
  createdAt: Date;
  cancelledAt: Date | null;
  eventId: string;
  eventTitle: string;
  eventStartsAt: Date;
  creditsEarned: number;
}

/**
 * A person's registrations, newest first, keyset-paged on (created_at, id): one statement per page,
 * with the event and the credits of attended sessions joined in (no per-row loads).
 */
@Injectable()
export class MemberRegistrationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forUser(userId: string, first: number | undefined, after: string | undefined): Promise<ConnectionShape<MemberRegistrationRow>> {
    const limit = pageSize(first);
    const cursor = decodeTimeIdCursor(after);
    const params: unknown[] = [userId];
    let keyset = '';
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      keyset = 'AND (r.created_at, r.id) < ($2::timestamptz, $3::uuid)';
    }
    const rows: Array<Omit<MemberRegistrationRow, 'creditsEarned'> & { creditsEarned: string }> = await this.dataSource.query(
      `SELECT r.id, r.status, r.created_at AS "createdAt", r.cancelled_at AS "cancelledAt",
              e.id AS "eventId", e.title AS "eventTitle", e.starts_at AS "eventStartsAt",
              COALESCE((SELECT sum(s.ce_credits) FROM event_session_attendance a JOIN event_sessions s ON s.id = a.session_id
                         WHERE a.registration_id = r.id), 0)::text AS "creditsEarned"
         FROM event_registrations r JOIN events e ON e.id = r.event_id
        WHERE r.user_id = $1 ${keyset}
        ORDER BY r.created_at DESC, r.id DESC LIMIT ${limit + 1}`,
      params,
    );
    return toConnection(
      rows.map((row) => ({ ...row, creditsEarned: Math.round(Number(row.creditsEarned) * 100) / 100 })),
      limit,
      (row) => [row.createdAt.toISOString(), row.id],
      lazy(async () => {
        const [{ n }] = await this.dataSource.query('SELECT count(*)::int AS n FROM event_registrations WHERE user_id = $1', [userId]);
        return n as number;
      }),
    );
  }
}
