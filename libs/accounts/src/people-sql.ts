import { checkJoinIdentifiers } from '../../core/src/index.js';
import { UNCLAIMED_PASSWORD_HASH } from './unclaimed-account.js';
import { type User } from './user.type.js';
import { USER_ROW_COLUMNS } from './user-row-columns.js';

/**
 * Accounts' port for another library's set-based SQL whose rows are people (members' directory search, CSV export
 * and CSV import): the `users` table and its columns are named here, where they are owned, and the caller's
 * statement asks for them by User field. For a list that only joins people to its own rows, see `usersJoin`.
 */
export const peopleSql = {
  /** Every account, as a FROM item aliased `alias`. */
  from(alias: string): string {
    checkJoinIdentifiers('peopleSql.from', alias);
    return `users ${alias}`;
  },

  /** The column of the account aliased `alias` that holds `field`. */
  column(alias: string, field: keyof User): string {
    checkJoinIdentifiers('peopleSql.column', alias);
    return `${alias}.${USER_ROW_COLUMNS[field]}`;
  },

  /**
   * An INSERT … RETURNING email, for the caller's WITH: an unclaimed account (UNCLAIMED_PASSWORD_HASH: no password
   * verifies) for each row of `rows.from` (the caller's FROM item) whose email no account has yet, in `rows.orderBy`
   * order; `rows.email` and `rows.fullName` are its expressions for both (emails are stored lower-case).
   */
  insertUnclaimed(rows: { from: string; email: string; fullName: string; orderBy: string }): string {
    return `INSERT INTO users (email, password_hash, full_name)
         SELECT ${rows.email}, '${UNCLAIMED_PASSWORD_HASH}', ${rows.fullName}
           FROM ${rows.from}
          WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.email = ${rows.email})
          ORDER BY ${rows.orderBy}
         ON CONFLICT (email) DO NOTHING
         RETURNING email`;
  },

  /**
   * A statement locking the accounts whose ids `ids` (a SELECT of one uuid column) gives, in id order, as
   * MembershipsService.lockPerson locks one person (FOR NO KEY UPDATE of the account row); it returns one count.
   */
  lockByIds(ids: string): string {
    return `SELECT count(*) FROM (SELECT 1 FROM users u WHERE u.id IN (${ids}) ORDER BY u.id FOR NO KEY UPDATE OF u) locked`;
  },
};
