import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type ConnectionShape, decodeTimeIdCursor, lazy, pageSize, toConnection } from '../../core/src/index.js';
import { type User } from './user.type.js';

/** Imported accounts nobody has claimed yet (no password of their own), oldest first, keyset-paged on (created_at, id). */
@Injectable()
export class UnclaimedAccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(unclaimedHash: string, options: { first?: number; after?: string; notInvited?: boolean }): Promise<ConnectionShape<User>> {
    const limit = pageSize(options.first);
    const cursor = decodeTimeIdCursor(options.after);
    const filter = `u.password_hash = $1${
      options.notInvited
        ? ` AND NOT EXISTS (SELECT 1 FROM account_tokens t WHERE t.user_id = u.id AND t.purpose = 'ACCOUNT_CLAIM'
                             AND t.used_at IS NULL AND t.revoked_at IS NULL AND t.expires_at > now())`
        : ''
    }`;
    const params: unknown[] = [unclaimedHash];
    let keyset = '';
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      keyset = 'AND (u.created_at, u.id) > ($2::timestamptz, $3::uuid)';
    }
    const rows: User[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.full_name AS "fullName", u.role, u.staff_permissions AS "staffPermissions", u.created_at AS "createdAt"
         FROM users u WHERE ${filter} ${keyset}
        ORDER BY u.created_at, u.id LIMIT ${limit + 1}`,
      params,
    );
    return toConnection(
      rows,
      limit,
      (row) => [row.createdAt.toISOString(), row.id],
      lazy(async () => {
        const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM users u WHERE ${filter}`, [unclaimedHash]);
        return n as number;
      }),
    );
  }
}
