import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Viewer } from '../../core/src/index.js';
import { RefreshTokenEntity } from './entities/refresh-token.entity.js';
import { SessionEntity } from './entities/session.entity.js';
import { type User } from './user.type.js';
import { userSelect } from './user-row-columns.js';

/** Who signed in, as the request shows it (for the sessions list). */
export interface SessionClient {
  address: string;
  userAgent: string | null;
}

/** The leading comment names the statement (in pg_stat_statements, and for tests that count statements). */
const VIEWER_FOR_SESSION = `/* viewer for session */
  SELECT ${userSelect('u')}, s.id AS "sessionId",
         (s.second_factor_at IS NULL AND EXISTS (
            SELECT 1 FROM security_settings ss
             WHERE CASE WHEN u.role = 'ADMIN' THEN cardinality(ss.totp_required_for) > 0
                        ELSE ss.totp_required_for && u.staff_permissions END)) AS "secondFactorMissing"
    FROM users u
    JOIN sessions s ON s.id = $2 AND s.user_id = u.id AND s.revoked_at IS NULL
   WHERE u.id = $1`;

@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new session with its first refresh token, in one statement (its last use is its start); returns the session's id. */
  async openSession(manager: EntityManager, userId: string, client: SessionClient | undefined, tokenHash: string, expiresAt: Date): Promise<string> {
    const [row]: Array<{ id: string }> = await manager.query(
      `WITH session AS (INSERT INTO sessions (user_id, user_agent, client_address) VALUES ($1, $2, $3) RETURNING id)
       INSERT INTO refresh_tokens (session_id, token_hash, expires_at) SELECT id, $4, $5 FROM session RETURNING session_id AS id`,
      [userId, client?.userAgent ?? null, client?.address ?? null, tokenHash, expiresAt],
    );
    return row.id;
  }

  /** Each new refresh token (sign-in or refresh) marks its session as used now. */
  async addRefreshToken(manager: EntityManager, sessionId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await manager.insert(RefreshTokenEntity, { sessionId, tokenHash, expiresAt });
    await manager.query(`UPDATE sessions SET last_used_at = now() WHERE id = $1`, [sessionId]);
  }

  /** The token row and its session, locked: two refreshes of one token cannot both succeed. */
  async lockRefreshToken(
    manager: EntityManager,
    tokenHash: string,
  ): Promise<(RefreshTokenEntity & { userId: string; sessionRevokedAt: Date | null }) | undefined> {
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT t.id, t.session_id, t.expires_at, t.used_at, s.user_id, s.revoked_at
         FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
        WHERE t.token_hash = $1
        FOR UPDATE OF t, s`,
      [tokenHash],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      id: row.id as string,
      sessionId: row.session_id as string,
      expiresAt: new Date(row.expires_at as string),
      usedAt: row.used_at ? new Date(row.used_at as string) : null,
      userId: row.user_id as string,
      sessionRevokedAt: row.revoked_at ? new Date(row.revoked_at as string) : null,
    } as RefreshTokenEntity & { userId: string; sessionRevokedAt: Date | null };
  }

  async markUsed(manager: EntityManager, tokenId: string): Promise<void> {
    await manager.query(`UPDATE refresh_tokens SET used_at = now() WHERE id = $1`, [tokenId]);
  }

  async revokeSession(manager: EntityManager, sessionId: string, reason: string): Promise<void> {
    await manager.query(`UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`, [
      sessionId,
      reason,
    ]);
  }

  async revokeOtherSessions(manager: EntityManager, userId: string, keepSessionId: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE sessions SET revoked_at = now(), revoked_reason = $3 WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL`,
      [userId, keepSessionId, reason],
    );
  }

  /** Ends every live session of the account; how many. */
  async revokeAllSessions(manager: EntityManager, userId: string, reason: string): Promise<number> {
    const [, count]: [unknown, number] = await manager.query(
      `UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId, reason],
    );
    return count;
  }

  /** Ends the account's other live sessions; how many. */
  async revokeOthersCounted(manager: EntityManager, userId: string, keepSessionId: string, reason: string): Promise<number> {
    const [, count]: [unknown, number] = await manager.query(
      `UPDATE sessions SET revoked_at = now(), revoked_reason = $3 WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL`,
      [userId, keepSessionId, reason],
    );
    return count;
  }

  /** Ends one live session if it is the account's; false otherwise. */
  async revokeOwnSession(manager: EntityManager, userId: string, sessionId: string, reason: string): Promise<boolean> {
    const [, count]: [unknown, number] = await manager.query(
      `UPDATE sessions SET revoked_at = now(), revoked_reason = $3 WHERE id = $2 AND user_id = $1 AND revoked_at IS NULL`,
      [userId, sessionId, reason],
    );
    return count > 0;
  }

  /**
   * A page of the account's live sessions (not ended, used within the refresh-token lifetime), newest
   * first, keyset-paged on (created_at, id); `first + 1` rows so the caller knows if more follow.
   */
  async liveSessions(userId: string, maxIdleDays: number, limit: number, after?: [string, string]): Promise<SessionEntity[]> {
    const query = this.dataSource
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .where('s.user_id = :userId', { userId })
      .andWhere('s.revoked_at IS NULL')
      .andWhere('s.last_used_at > now() - make_interval(days => :days)', { days: maxIdleDays });
    // created_at keeps microseconds and cursors carry milliseconds: compare and sort at milliseconds.
    const createdMs = `date_trunc('milliseconds', s.created_at)`;
    if (after) query.andWhere(`(${createdMs}, s.id) < (:at::timestamptz, :id::uuid)`, { at: after[0], id: after[1] });
    return query.orderBy(createdMs, 'DESC').addOrderBy('s.id', 'DESC').limit(limit).getMany();
  }

  async countLiveSessions(userId: string, maxIdleDays: number): Promise<number> {
    const [{ n }]: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM sessions WHERE user_id = $1 AND revoked_at IS NULL AND last_used_at > now() - make_interval(days => $2)`,
      [userId, maxIdleDays],
    );
    return n;
  }

  async markSecondFactor(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.query(`UPDATE sessions SET second_factor_at = now() WHERE id = $1`, [sessionId]);
  }

  /**
   * One statement: the account's row (a User, as the users loader reads it) and so its current role and staff
   * permissions, if the session is still live, and whether those rights require a second factor this session
   * has not shown (security_settings).
   */
  async viewerForSession(userId: string, sessionId: string): Promise<{ viewer: Viewer; user: User } | undefined> {
    const rows: Array<User & Pick<Viewer, 'sessionId' | 'secondFactorMissing'>> = await this.dataSource.query(VIEWER_FOR_SESSION, [userId, sessionId]);
    if (!rows[0]) return undefined;
    const { sessionId: id, secondFactorMissing, ...user } = rows[0];
    return { viewer: { id: user.id, role: user.role, permissions: user.staffPermissions, sessionId: id, secondFactorMissing }, user };
  }
}
