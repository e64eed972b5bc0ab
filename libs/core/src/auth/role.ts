import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  USER = 'USER',
  ADMIN = 'ADMIN',
}
registerEnumType(Role, { name: 'Role', description: 'What an account may do across the platform.' });

/** Who is making the request, as checked against the database for this request. */
export interface Viewer {
  id: string;
  role: Role;
  /** The signed-in session the request came with. */
  sessionId: string;
}
