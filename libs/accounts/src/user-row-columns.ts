import { checkJoinIdentifiers, joinedReader, jsonTime, type RowJoin } from '../../core/src/index.js';
import { type User } from './user.type.js';

/**
 * The `users` columns a User is made from (field → column). The users loader reads them; another library
 * reading users with its own list joins them through `usersJoin` and primes `UsersLoader.byId` with the rows.
 */
export const USER_ROW_COLUMNS: Readonly<Record<keyof User, string>> = {
  id: 'id',
  email: 'email',
  fullName: 'full_name',
  role: 'role',
  staffPermissions: 'staff_permissions',
  createdAt: 'created_at',
};

const USER_FIELDS = Object.keys(USER_ROW_COLUMNS);
/** The User fields that are times (timestamptz columns). */
const USER_TIMES: ReadonlyArray<keyof User> = ['createdAt'];

/** The select list of a User read from `alias`, each output named `<prefix><field>`. */
export function userSelect(alias: string, prefix = ''): string {
  return Object.entries(USER_ROW_COLUMNS)
    .map(([key, column]) => `${alias}.${column} AS "${prefix}${key}"`)
    .join(', ');
}

/**
 * Accounts' port for reading users inside another library's statement: the JOIN onto `users` (aliased `alias`,
 * matched on `userIdColumn`, a column of the caller's row), the select list of a User, each output named
 * `<alias>.<field>`, and the User of a result row. The table and its columns stay named here, where they are owned.
 */
export function usersJoin(alias: string, userIdColumn: string): RowJoin<User> {
  checkJoinIdentifiers('usersJoin', alias, userIdColumn);
  return {
    alias,
    join: `JOIN users ${alias} ON ${alias}.id = ${userIdColumn}`,
    select: userSelect(alias, `${alias}.`),
    read: joinedReader<User>(alias, USER_FIELDS, 'id'),
    json: {
      pairs: Object.entries(USER_ROW_COLUMNS)
        .map(([key, column]) => `'${alias}.${key}', ${USER_TIMES.includes(key as keyof User) ? jsonTime(`${alias}.${column}`) : `${alias}.${column}`}`)
        .join(', '),
      times: USER_TIMES.map((key) => `${alias}.${key}`),
    },
  };
}
