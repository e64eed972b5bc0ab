import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Viewer } from '../../core/src/index.js';
import { RefreshTokenEntity } from './entities/refresh-token.entity.js';
import { SessionEntity } from './entities/session.entity.js';

@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async createSession(manager: EntityManager, userId: string): Promise<string> {
    const session = await manager.getRepository(SessionEntity).save({ userId });
    return session.id;
  }

  async addRefreshToken(manager: EntityManager, sessionId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await manager.insert(RefreshTokenEntity, { sessionId, tokenHash, expiresAt });
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

  async markSecondFactor(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.query(`UPDATE sessions SET second_factor_at = now() WHERE id = $1`, [sessionId]);
  }

  /**
   * One statement: the account's current role and staff permissions, if the session is still live, and
   * whether those rights require a second factor this session has not shown (security_settings).
   */
  async viewerForSession(userId: string, sessionId: string): Promise<Viewer | undefined> {
    const rows: Array<Viewer> = await this.dataSource.query(
      `SELECT u.id, u.role, u.staff_permissions AS permissions, s.id AS "sessionId",
              (s.second_factor_at IS NULL AND EXISTS (
                 SELECT 1 FROM security_settings ss
                  WHERE CASE WHEN u.role = 'ADMIN' THEN cardinality(ss.totp_required_for) > 0
                             ELSE ss.totp_required_for && u.staff_permissions END)) AS "secondFactorMissing"
         FROM users u
         JOIN sessions s ON s.id = $2 AND s.user_id = u.id AND s.revoked_at IS NULL
        WHERE u.id = $1`,
      [userId, sessionId],
    );
    return rows[0];
  }
}
