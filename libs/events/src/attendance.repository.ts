import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { EventSessionEntity } from './entities/event-session.entity.js';
import type { EventCheckInCounts } from './tickets/ticket-check-in.type.js';

export interface AttendedSession {
  registrationId: string;
  session: EventSessionEntity;
  checkedInAt: Date;
}

export interface CreditEntry {
  eventId: string;
  eventTitle: string;
  sessionId: string;
  sessionTitle: string;
  startsAt: Date;
  credits: number;
  category: string | null;
}

/** Verified attendance that earns credits: a confirmed registration, an event not cancelled, the session's start in [$2, $3). */
const CREDITED = `FROM event_registrations r
  JOIN event_session_attendance a ON a.registration_id = r.id
  JOIN event_sessions s ON s.id = a.session_id
  JOIN events e ON e.id = r.event_id
 WHERE r.user_id = $1 AND r.status = 'CONFIRMED' AND e.status <> 'CANCELLED' AND s.starts_at >= $2 AND s.starts_at < $3`;

export interface CertificateRecord {
  registrationId: string;
  userId: string;
  eventId: string;
  eventTitle: string;
  eventStartsAt: Date;
  eventTimezone: string;
  certificateCode: string | null;
  certificateIssuedAt: Date | null;
}

/** Check-ins and what they earn: every query on event_session_attendance. */
@Injectable()
export class AttendanceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** True when this check-in is new (checking in twice is harmless). */
  async record(manager: EntityManager, registrationId: string, sessionId: string, checkedInBy: string | null): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO event_session_attendance (registration_id, session_id, checked_in_by) VALUES ($1, $2, $3)
       ON CONFLICT (registration_id, session_id) DO NOTHING RETURNING registration_id`,
      [registrationId, sessionId, checkedInBy],
    );
    return rows.length > 0;
  }

  /** The door screen's counts in one statement: confirmed registrations, and per session the confirmed ones checked in. Undefined: no such event. */
  async checkInCounts(eventId: string): Promise<EventCheckInCounts | undefined> {
    const rows: Array<{ confirmed: number; sessions: Array<{ sessionId: string; title: string; startsAt: string; checkedIn: number }> }> = await this.dataSource.query(
      `SELECT (SELECT count(*)::int FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'CONFIRMED') AS confirmed,
              COALESCE((SELECT json_agg(json_build_object('sessionId', s.id, 'title', s.title, 'startsAt', s.starts_at, 'checkedIn', (
                          SELECT count(*)::int FROM event_session_attendance a JOIN event_registrations r ON r.id = a.registration_id
                           WHERE a.session_id = s.id AND r.status = 'CONFIRMED'))
                         ORDER BY s.starts_at, s.id)
                          FROM event_sessions s WHERE s.event_id = e.id), '[]'::json) AS sessions
         FROM events e WHERE e.id = $1`,
      [eventId],
    );
    if (!rows.length) return undefined;
    return { eventId, confirmed: rows[0].confirmed, sessions: rows[0].sessions.map((s) => ({ ...s, startsAt: new Date(s.startsAt) })) };
  }

  async byRegistrationIds(ids: readonly string[]): Promise<AttendedSession[][]> {
    const rows: Array<{ registration_id: string; checked_in_at: Date } & Record<string, unknown>> = await this.dataSource.query(
      `SELECT a.registration_id, a.checked_in_at, s.id, s.event_id, s.title, s.starts_at, s.ends_at, s.ce_credits, s.ce_category
         FROM event_session_attendance a JOIN event_sessions s ON s.id = a.session_id
        WHERE a.registration_id = ANY($1) ORDER BY s.starts_at, s.id`,
      [ids],
    );
    const grouped = new Map<string, AttendedSession[]>(ids.map((id) => [id, []]));
    for (const row of rows) {
      grouped.get(row.registration_id)?.push({
        registrationId: row.registration_id,
        checkedInAt: row.checked_in_at,
        session: {
          id: row.id as string,
          eventId: row.event_id as string,
          title: row.title as string,
          startsAt: row.starts_at as Date,
          endsAt: row.ends_at as Date,
          ceCredits: Number(row.ce_credits),
          ceCategory: row.ce_category as string | null,
        },
      });
    }
    return ids.map((id) => grouped.get(id) ?? []);
  }

  /** Credits a person earned in sessions that started within [from, to), newest first. */
  credits(userId: string, from: Date, to: Date, limit: number): Promise<CreditEntry[]> {
    return this.dataSource.query(
      `SELECT e.id AS "eventId", e.title AS "eventTitle", s.id AS "sessionId", s.title AS "sessionTitle", s.starts_at AS "startsAt",
              s.ce_credits::float8 AS credits, s.ce_category AS category
         ${CREDITED} ORDER BY s.starts_at DESC, s.id LIMIT $4`,
      [userId, from, to, limit],
    );
  }

  /** The same credits totalled by category, exact however many there are. */
  async creditTotals(userId: string, from: Date, to: Date): Promise<Array<{ category: string | null; credits: number }>> {
    const rows: Array<{ category: string | null; credits: string }> = await this.dataSource.query(
      `SELECT s.ce_category AS category, sum(s.ce_credits)::text AS credits ${CREDITED} GROUP BY s.ce_category HAVING sum(s.ce_credits) > 0`,
      [userId, from, to],
    );
    return rows.map((r) => ({ category: r.category, credits: Number(r.credits) }));
  }

  private certificateQuery(where: string): string {
    return `SELECT r.id AS "registrationId", r.user_id AS "userId", e.id AS "eventId", e.title AS "eventTitle",
                   e.starts_at AS "eventStartsAt", e.timezone AS "eventTimezone", r.certificate_code AS "certificateCode",
                   r.certificate_issued_at AS "certificateIssuedAt"
              FROM event_registrations r JOIN events e ON e.id = r.event_id
             WHERE ${where} AND r.status = 'CONFIRMED' AND e.status <> 'CANCELLED'`;
  }

  async certificateByRegistration(registrationId: string): Promise<CertificateRecord | undefined> {
    const rows: CertificateRecord[] = await this.dataSource.query(this.certificateQuery('r.id = $1'), [registrationId]);
    return rows[0];
  }

  async certificateByCode(code: string): Promise<CertificateRecord | undefined> {
    const rows: CertificateRecord[] = await this.dataSource.query(this.certificateQuery('r.certificate_code = $1'), [code]);
    return rows[0];
  }
}
