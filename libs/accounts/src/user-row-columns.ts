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

const USER_FIELDS = Object.keys(USER_ROW_COLUMNS) as Array<keyof User>;
/** The User fields that are times (timestamptz columns). */
const USER_TIMES: ReadonlyArray<keyof User> = ['createdAt'];

/** The select list of a User read from `alias`, each output named `<prefix><field>`. */
export function userSelect(alias: string, prefix = ''): string {
  return Object.entries(USER_ROW_COLUMNS)
    .map(([key, column]) => `${alias}.${column} AS "${prefix}${key}"`)
    .join(', ');
}

/**
 * The User GraphQL fields accounts answers, and the User row fields each reads (its own resolvers included: the
 * staff fields read the role and permissions; the status fields load by the id, always read).
 */
const USER_FIELD_NEEDS: Readonly<Record<string, ReadonlyArray<keyof User>>> = {
  __typename: [],
  id: [],
  fullName: ['fullName'],
  email: ['email'],
  role: ['role'],
  createdAt: ['createdAt'],
  staffPermissions: ['role', 'staffPermissions'],
  isStaff: ['role', 'staffPermissions'],
  emailVerified: [],
  claimed: [],
  invitationSentAt: [],
};

/**
 * The User row fields a list needs to answer `asked` (the User fields its rows ask for), `fromId` being the fields
 * other libraries resolve from the person's id alone (members' profile and membership), or undefined (read every
 * column) when one is a field neither knows: an allow-list, so it can only read too much. A User read with fewer
 * fields than every one must not be primed into `UsersLoader.byId`: the list hands it to its own rows' fields.
 */
export function userFieldsAsked(asked: ReadonlySet<string>, fromId: ReadonlySet<string>): ReadonlyArray<keyof User> | undefined {
  const fields = new Set<keyof User>(['id']);
  for (const field of asked) {
    const reads = USER_FIELD_NEEDS[field] ?? (fromId.has(field) ? [] : undefined);
    if (!reads) return undefined;
    for (const read of reads) fields.add(read);
  }
  return USER_FIELDS.filter((field) => fields.has(field));
}

/**
 * Accounts' port for reading users inside another library's statement: the JOIN onto `users` (aliased `alias`,
 * matched on `userIdColumn`, a column of the caller's row), the select list of a User, each output named
 * `<alias>.<field>`, and the User of a result row: every field, or only `fields` (`userFieldsAsked`).
 * The table and its columns stay named here, where they are owned.
 */
export function usersJoin(alias: string, userIdColumn: string, fields: ReadonlyArray<keyof User> = USER_FIELDS): RowJoin<User> {
  checkJoinIdentifiers('usersJoin', alias, userIdColumn);
  return {
    alias,
    join: `JOIN users ${alias} ON ${alias}.id = ${userIdColumn}`,
    select: fields.map((key) => `${alias}.${USER_ROW_COLUMNS[key]} AS "${alias}.${key}"`).join(', '),
    read: joinedReader<User>(alias, fields, 'id'),
    json: {
      // The id as the caller's column it is joined on (equal by the join): a list that reads that column sends it once.
      outputs: fields.map((key) => [
        `${alias}.${key}`,
        key === 'id' ? userIdColumn : USER_TIMES.includes(key) ? jsonTime(`${alias}.${USER_ROW_COLUMNS[key]}`) : `${alias}.${USER_ROW_COLUMNS[key]}`,
      ] as const),
      times: USER_TIMES.filter((key) => fields.includes(key)).map((key) => `${alias}.${key}`),
    },
  };
}
