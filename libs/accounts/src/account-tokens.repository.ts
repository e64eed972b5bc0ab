import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccountTokenPurpose } from './account-token.purpose.js';

export interface SpentToken {
  userId: string;
  /** The address the link went to. */
  email: string;
}

export interface AccountStatusRow {
  id: string;
  emailVerifiedAt: Date | null;
  claimed: boolean;
  invitationSentAt: Date | null;
}

/** Every query on `account_tokens` (and the account status read with it). */
@Injectable()
export class AccountTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new token; it supersedes the account's older live ones of its purpose (revoked by the same statement). */
  async replaceLive(manager: EntityManager, token: { userId: string; purpose: AccountTokenPurpose; tokenHash: string; email: string; ttlSeconds: number }): Promise<void> {
    await manager.query(
      `WITH revoked AS (
         UPDATE account_tokens SET revoked_at = now()
          WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL AND revoked_at IS NULL)
       INSERT INTO account_tokens (user_id, purpose, token_hash, email, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
      [token.userId, token.purpose, token.tokenHash, token.email, token.ttlSeconds],
    );
  }

  /**
   * Spends a token in one conditional UPDATE (the row lock makes a concurrent second spend see it
   * used and match nothing). Expiry is checked by the database clock. A token sent to an address the
   * account no longer has is dead, except an email change's (it names the new address).
   */
  async spend(manager: EntityManager, tokenHash: string, purpose: AccountTokenPurpose): Promise<SpentToken | undefined> {
    const [rows]: [Array<{ user_id: string; email: string }>, number] = await manager.query(
      `UPDATE account_tokens t SET used_at = now()
         FROM users u
        WHERE t.token_hash = $1 AND t.purpose = $2 AND u.id = t.user_id
          AND t.used_at IS NULL AND t.revoked_at IS NULL AND t.expires_at > now()
          AND (t.purpose = 'EMAIL_CHANGE' OR u.email = t.email)
       RETURNING t.user_id, t.email`,
      [tokenHash, purpose],
    );
    const row = rows[0];
    return row && { userId: row.user_id, email: row.email };
  }

  /** A live token's purpose, address and expiry, without spending it (same conditions as `spend`). */
  async findLive(tokenHash: string): Promise<{ purpose: AccountTokenPurpose; email: string; expiresAt: Date } | undefined> {
    const rows: Array<{ purpose: AccountTokenPurpose; email: string; expiresAt: Date }> = await this.dataSource.query(
      `SELECT t.purpose, t.email, t.expires_at AS "expiresAt"
         FROM account_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.revoked_at IS NULL AND t.expires_at > now()
          AND (t.purpose = 'EMAIL_CHANGE' OR u.email = t.email)`,
      [tokenHash],
    );
    return rows[0];
  }

  /** Verified, claimed and last invitation of each account, in the order of `ids` (one statement). */
  async statusByUserIds(ids: readonly string[], unclaimedHash: string): Promise<Array<AccountStatusRow | undefined>> {
    const rows: AccountStatusRow[] = await this.dataSource.query(
      `SELECT u.id, u.email_verified_at AS "emailVerifiedAt", u.password_hash <> $2 AS claimed,
              (SELECT max(t.created_at) FROM account_tokens t WHERE t.user_id = u.id AND t.purpose = 'ACCOUNT_CLAIM') AS "invitationSentAt"
         FROM users u WHERE u.id = ANY($1::uuid[])`,
      [ids, unclaimedHash],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  }
}
