import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type ConnectionShape, decodeTimeIdCursor, lazy, pageSize, toConnection } from '../../../core/src/index.js';
import { type User } from '../user.type.js';
import { userSelect } from '../user-row-columns.js';
import { ApiTokenEntity } from './api-token.entity.js';
import type { ApiTokenScope } from './api-token-scope.js';

/** A token found by its secret, with its owner's account row (a User, as the users loader reads it) and so current rights (one statement). */
export interface TokenWithOwner {
  id: string;
  scopes: ApiTokenScope[];
  expiresAt: Date;
  revokedAt: Date | null;
  /** As read (a cached token's may be older than the row's): a lower bound of the last use written. */
  lastUsedAt: Date | null;
  /** Its role and staff permissions are the rights the token may not exceed. */
  owner: User;
}

/** The leading comment names the statement (in pg_stat_statements, and for tests that count statements). */
const VIEWER_FOR_API_TOKEN = `/* viewer for api token */
  SELECT ${userSelect('u')}, t.id AS "tokenId", t.scopes AS "tokenScopes", t.expires_at AS "tokenExpiresAt", t.revoked_at AS "tokenRevokedAt",
         t.last_used_at AS "tokenLastUsedAt"
    FROM api_tokens t JOIN users u ON u.id = t.owner_id
   WHERE t.secret_hash = $1`;

type TokenRow = User & { tokenId: string; tokenScopes: ApiTokenScope[]; tokenExpiresAt: Date; tokenRevokedAt: Date | null; tokenLastUsedAt: Date | null };

/** At most this many tokens in `myApiTokens`, newest first. */
export const MY_TOKENS_CAP = 100;

@Injectable()
export class ApiTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(ApiTokenEntity);
  }

  async findBySecretHash(secretHash: string): Promise<TokenWithOwner | undefined> {
    const rows: TokenRow[] = await this.dataSource.query(VIEWER_FOR_API_TOKEN, [secretHash]);
    if (!rows[0]) return undefined;
    const { tokenId, tokenScopes, tokenExpiresAt, tokenRevokedAt, tokenLastUsedAt, ...owner } = rows[0];
    return { id: tokenId, scopes: tokenScopes, expiresAt: tokenExpiresAt, revokedAt: tokenRevokedAt, lastUsedAt: tokenLastUsedAt, owner };
  }

  /** Sets last_used_at when it is unset or a minute old; true when it did (so busy tokens write once a minute). */
  async touchLastUsed(manager: EntityManager, id: string): Promise<boolean> {
    // UPDATE answers [rows, count] through TypeORM.
    const [, touched]: [unknown[], number] = await manager.query(
      `UPDATE api_tokens SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
    return touched > 0;
  }

  insert(manager: EntityManager, token: Pick<ApiTokenEntity, 'kind' | 'name' | 'ownerId' | 'scopes' | 'secretHash' | 'secretPrefix' | 'expiresAt'>): Promise<ApiTokenEntity> {
    return this.repo(manager).save(this.repo(manager).create(token));
  }

  /** Live (unrevoked, unexpired) tokens of an owner: counted under the owner's row lock. */
  countLive(manager: EntityManager, ownerId: string): Promise<number> {
    return this.repo(manager)
      .createQueryBuilder('t')
      .where('t.owner_id = :ownerId AND t.revoked_at IS NULL AND t.expires_at > now()', { ownerId })
      .getCount();
  }

  lockById(manager: EntityManager, id: string): Promise<ApiTokenEntity | null> {
    return this.repo(manager).createQueryBuilder('t').where('t.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  async markRevoked(manager: EntityManager, id: string): Promise<ApiTokenEntity> {
    await manager.query(`UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [id]);
    return (await this.repo(manager).findOneBy({ id }))!;
  }

  /** Ends every token of an account (erasure, or the account's rights taken away). */
  async revokeAllOf(manager: EntityManager, ownerId: string): Promise<void> {
    await manager.query(`UPDATE api_tokens SET revoked_at = now() WHERE owner_id = $1 AND revoked_at IS NULL`, [ownerId]);
  }

  listOwnedBy(ownerId: string): Promise<ApiTokenEntity[]> {
    return this.repo().find({ where: { ownerId }, order: { createdAt: 'DESC', id: 'DESC' }, take: MY_TOKENS_CAP });
  }

  /** Every token, newest first, keyset-paged on (created_at, id). */
  async listAll(args: { first?: number; after?: string }): Promise<ConnectionShape<ApiTokenEntity>> {
    const first = pageSize(args.first);
    const filter = this.repo().createQueryBuilder('t');
    const page = filter.clone();
    const after = decodeTimeIdCursor(args.after);
    if (after) page.andWhere('(t.created_at, t.id) < (:at::timestamptz, :id::uuid)', { at: after[0], id: after[1] });
    const rows = await page.orderBy('t.created_at', 'DESC').addOrderBy('t.id', 'DESC').limit(first + 1).getMany();
    return toConnection(rows, first, (r) => [r.createdAt.toISOString(), r.id], lazy(() => filter.getCount()));
  }
}
