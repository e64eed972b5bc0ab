import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type KeyedRowsSpec, Role, rowsByKey, type StaffPermission } from '../../core/src/index.js';
import { UserEntity } from './entities/user.entity.js';
import { type User } from './user.type.js';
import { USER_ROW_COLUMNS } from './user-row-columns.js';

/** How to reach a person: what other features may read about an account. */
export interface UserContact {
  id: string;
  email: string;
  fullName: string;
}

/** A person whose name matched a search, with the key the results are ordered by. */
export interface NameMatch {
  id: string;
  fullName: string;
  sortName: string;
}

/** `%word%` for LIKE on a lower-cased column, with the user's wildcards taken literally. */
const likeAnywhere = (word: string) => `%${word.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** What a User shows, as plain rows (no password hash, no entity). */
const USER_ROWS: KeyedRowsSpec = {
  table: 'users',
  keyColumn: 'id',
  columns: Object.fromEntries(Object.entries(USER_ROW_COLUMNS).map(([key, column]) => [key, `c.${column}`])),
};

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(UserEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  findByEmail(email: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.repo(manager).findOneBy({ email: email.toLowerCase() });
  }

  /** Rows in the order of `ids` (missing ones as undefined): the shape DataLoader wants. */
  async findByIds(ids: readonly string[], manager?: EntityManager): Promise<Array<UserEntity | undefined>> {
    const rows = await this.repo(manager).createQueryBuilder('u').where('u.id = ANY(:ids)', { ids }).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  }

  /** The User of each id, in order (missing ones as undefined); one statement, for the per-request loader. */
  usersByIds(ids: readonly string[]): Promise<Array<User | undefined>> {
    return rowsByKey<User>(this.dataSource, USER_ROWS, ids);
  }

  /** Email and name of each id, in order (missing ones as undefined); in the caller's transaction when given. */
  async contactsByIds(ids: readonly string[], manager?: EntityManager): Promise<Array<UserContact | undefined>> {
    const rows: UserContact[] = await (manager ?? this.dataSource.manager).query(
      `SELECT id, email, full_name AS "fullName" FROM users WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  }

  /**
   * Of the people `ids`, those whose name holds every one of `words` (case-insensitive, literally),
   * by name then id, `limit` at most after the keyset `after` ([lower-case name, id]).
   */
  namesMatching(ids: readonly string[], words: readonly string[], limit: number, after: readonly [string, string] | undefined): Promise<NameMatch[]> {
    const params: unknown[] = [ids, words.map(likeAnywhere), limit];
    let keyset = '';
    if (after) {
      params.push(after[0], after[1]);
      keyset = 'AND (lower(full_name), id) > ($4, $5::uuid)';
    }
    return this.dataSource.query(
      `SELECT id, full_name AS "fullName", lower(full_name) AS "sortName" FROM users
        WHERE id = ANY($1::uuid[]) AND lower(full_name) LIKE ALL($2::text[]) ${keyset}
        ORDER BY lower(full_name), id LIMIT $3`,
      params,
    );
  }

  async countNamesMatching(ids: readonly string[], words: readonly string[]): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM users WHERE id = ANY($1::uuid[]) AND lower(full_name) LIKE ALL($2::text[])`,
      [ids, words.map(likeAnywhere)],
    );
    return (row as { count: number }).count;
  }

  /** Email and name of every admin (notices about the platform itself). */
  adminContacts(manager?: EntityManager): Promise<UserContact[]> {
    return (manager ?? this.dataSource.manager).query(`SELECT id, email, full_name AS "fullName" FROM users WHERE role = 'ADMIN' ORDER BY created_at`);
  }

  async updateFullName(id: string, fullName: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, { fullName });
  }

  insert(manager: EntityManager, user: Pick<UserEntity, 'email' | 'passwordHash' | 'fullName' | 'role'> & Partial<Pick<UserEntity, 'emailVerifiedAt'>>): Promise<UserEntity> {
    return this.repo(manager).save(this.repo(manager).create({ ...user, email: user.email.toLowerCase() }));
  }

  async lockById(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return this.repo(manager).createQueryBuilder('u').where('u.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  /** Locks every admin row so two demotions cannot both see "another admin remains". */
  async lockAdmins(manager: EntityManager): Promise<string[]> {
    const rows = await this.repo(manager)
      .createQueryBuilder('u')
      .select('u.id')
      .where('u.role = :role', { role: Role.ADMIN })
      .setLock('pessimistic_write')
      .getMany();
    return rows.map((r) => r.id);
  }

  async updateRole(manager: EntityManager, id: string, role: Role): Promise<void> {
    await this.repo(manager).update({ id }, { role });
  }

  async updateStaffPermissions(manager: EntityManager, id: string, permissions: StaffPermission[]): Promise<void> {
    await this.repo(manager).update({ id }, { staffPermissions: permissions });
  }

  /** Accounts that are ADMIN or hold any staff permission, by name then id, keyset-paged. */
  staffPage(after: [string, string] | undefined, limit: number): Promise<UserEntity[]> {
    const page = this.staffQuery();
    if (after) page.andWhere('(u.full_name, u.id) > (:name, :id::uuid)', { name: after[0], id: after[1] });
    return page.orderBy('u.full_name', 'ASC').addOrderBy('u.id', 'ASC').limit(limit).getMany();
  }

  staffCount(): Promise<number> {
    return this.staffQuery().getCount();
  }

  private staffQuery() {
    return this.repo().createQueryBuilder('u').where(`(u.role = :admin OR u.staff_permissions <> '{}')`, { admin: Role.ADMIN });
  }

  async updatePasswordHash(manager: EntityManager, id: string, passwordHash: string): Promise<void> {
    await this.repo(manager).update({ id }, { passwordHash });
  }

  /** A password the person chose through an emailed link: the link also proved the mailbox. */
  async setPasswordFromLink(manager: EntityManager, id: string, passwordHash: string): Promise<void> {
    await manager.query(
      `UPDATE users SET password_hash = $2, email_verified_at = coalesce(email_verified_at, now()), updated_at = now() WHERE id = $1`,
      [id, passwordHash],
    );
  }

  /** Marks the address verified while the account still has it; false when it has another by now. */
  async markEmailVerified(manager: EntityManager, id: string, email: string): Promise<boolean> {
    const [, count]: [unknown, number] = await manager.query(
      `UPDATE users SET email_verified_at = coalesce(email_verified_at, now()), updated_at = now() WHERE id = $1 AND email = $2`,
      [id, email],
    );
    return count > 0;
  }

  /** The new address, verified by the link that confirmed it (the unique index refuses a taken one). */
  async changeEmail(manager: EntityManager, id: string, email: string): Promise<void> {
    await manager.query(`UPDATE users SET email = $2, email_verified_at = now(), updated_at = now() WHERE id = $1`, [id, email.toLowerCase()]);
  }

  async emailTaken(email: string): Promise<boolean> {
    return this.repo().exists({ where: { email: email.toLowerCase() } });
  }

  /** Of `ids`, the accounts nobody has claimed yet (no password of their own), locked. */
  async lockUnclaimed(manager: EntityManager, ids: readonly string[], unclaimedHash: string): Promise<UserContact[]> {
    return manager.query(
      `SELECT id, email, full_name AS "fullName" FROM users WHERE id = ANY($1::uuid[]) AND password_hash = $2 ORDER BY id FOR UPDATE`,
      [ids, unclaimedHash],
    );
  }

  /** Unclaimed accounts without a live invitation, oldest first, locked (skipping ones another batch holds). */
  async lockUninvited(manager: EntityManager, limit: number, unclaimedHash: string): Promise<UserContact[]> {
    return manager.query(
      `SELECT u.id, u.email, u.full_name AS "fullName" FROM users u
        WHERE u.password_hash = $1
          AND NOT EXISTS (SELECT 1 FROM account_tokens t WHERE t.user_id = u.id AND t.purpose = 'ACCOUNT_CLAIM'
                             AND t.used_at IS NULL AND t.revoked_at IS NULL AND t.expires_at > now())
        ORDER BY u.created_at, u.id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [unclaimedHash, limit],
    );
  }

  async countUninvited(manager: EntityManager, unclaimedHash: string): Promise<number> {
    const [{ n }]: Array<{ n: number }> = await manager.query(
      `SELECT count(*)::int AS n FROM users u
        WHERE u.password_hash = $1
          AND NOT EXISTS (SELECT 1 FROM account_tokens t WHERE t.user_id = u.id AND t.purpose = 'ACCOUNT_CLAIM'
                             AND t.used_at IS NULL AND t.revoked_at IS NULL AND t.expires_at > now())`,
      [unclaimedHash],
    );
    return n;
  }

  async anyAdminExists(): Promise<boolean> {
    return this.repo().exists({ where: { role: Role.ADMIN } });
  }
}
