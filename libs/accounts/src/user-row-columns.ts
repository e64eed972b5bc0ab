import { type User } from './user.type.js';

/**
 * The `users` columns a User is made from (field → column). The users loader reads them; another library
 * reading users with its own list (a join) selects the same ones and primes `UsersLoader.byId` with the rows.
 */
export const USER_ROW_COLUMNS: Readonly<Record<keyof User, string>> = {
  id: 'id',
  email: 'email',
  fullName: 'full_name',
  role: 'role',
  staffPermissions: 'staff_permissions',
  createdAt: 'created_at',
};
