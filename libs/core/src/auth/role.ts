import { registerEnumType } from '@nestjs/graphql';
import type { StaffPermission } from './staff-permission.js';

export enum Role {
  USER = 'USER',
  ADMIN = 'ADMIN',
}
registerEnumType(Role, { name: 'Role', description: 'What an account may do across the platform.' });

/** Who is making the request, as checked against the database for this request. */
export interface Viewer {
  id: string;
  role: Role;
  /** The signed-in session the request came with (for an API token: the token's id). */
  sessionId: string;
  /** Set when the request came with an API token instead of a session: its rights are the token's scopes. */
  apiTokenId?: string;
  /** The account's staff rights require two-factor sign-in and this session has not shown it: staff operations are refused. */
  secondFactorMissing?: boolean;
  /** Staff permissions held beyond `role` (an ADMIN holds all of them implicitly); absent means none. */
  permissions?: readonly StaffPermission[];
}

