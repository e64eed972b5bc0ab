import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AuditEntryEntity, type ConnectionShape, decodeTimeIdCursor, lazy, pageSize, toConnection } from '../../../core/src/index.js';

export const MAX_STATUS_CHANGES = 200;

export interface StatusChangeRow {
  id: string;
  membershipId: string;
  tierName: string;
  fromStatus: string | null;
  toStatus: string;
  actorId: string | null;
  reason: string | null;
  createdAt: Date;
}

/** What the member's page shows of a person's history: status changes of every membership, and the audit entries about them. */
@Injectable()
export class MemberHistoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every membership's status changes, newest first (at most MAX_STATUS_CHANGES). */
  statusChanges(userId: string): Promise<StatusChangeRow[]> {
    return this.dataSource.query(
      `SELECT c.id, c.membership_id AS "membershipId", t.name AS "tierName", c.from_status AS "fromStatus", c.to_status AS "toStatus",
              c.actor_id AS "actorId", c.reason, c.created_at AS "createdAt"
         FROM memberships m
         JOIN membership_status_changes c ON c.membership_id = m.id
         JOIN membership_tiers t ON t.id = m.tier_id
        WHERE m.user_id = $1
        ORDER BY c.created_at DESC, c.id DESC LIMIT ${MAX_STATUS_CHANGES}`,
      [userId],
    );
  }

  /** Audit entries whose target is the account or one of its memberships, newest first, keyset-paged on (created_at, id). */
  async auditTrail(userId: string, first: number | undefined, after: string | undefined): Promise<ConnectionShape<AuditEntryEntity>> {
    const limit = pageSize(first);
    const cursor = decodeTimeIdCursor(after);
    const about = `((a.target_type = 'User' AND a.target_id = ($1::uuid)::text)
        OR (a.target_type = 'Membership' AND a.target_id IN (SELECT m.id::text FROM memberships m WHERE m.user_id = $1::uuid)))`;
    const params: unknown[] = [userId];
    let keyset = '';
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      keyset = 'AND (a.created_at, a.id) < ($2::timestamptz, $3::uuid)';
    }
    const rows: AuditEntryEntity[] = await this.dataSource.query(
      `SELECT a.id, a.created_at AS "createdAt", a.actor_id AS "actorId", a.action, a.target_type AS "targetType", a.target_id AS "targetId",
              a.before, a.after, a.request_id AS "requestId"
         FROM audit_log a WHERE ${about} ${keyset}
        ORDER BY a.created_at DESC, a.id DESC LIMIT ${limit + 1}`,
      params,
    );
    return toConnection(
      rows,
      limit,
      (row) => [row.createdAt.toISOString(), row.id],
      lazy(async () => {
        const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM audit_log a WHERE ${about}`, [userId]);
        return n as number;
      }),
    );
  }
}
