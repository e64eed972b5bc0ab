import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection, Role, type StaffPermission } from '../../core/src/index.js';

@ObjectType('User')
export class User {
  @Field(() => ID) id: string;
  /** Guarded in the resolver: the user themself and admins only. */
  email: string;
  @Field() fullName: string;
  // Profile fields (headline, bio, location, employer, skills, directoryVisible) are resolved by members.
  @Field(() => Role) role: Role;
  /** Resolved (and guarded) in the resolver: the account itself and admins only. */
  staffPermissions: StaffPermission[];
  @Field() createdAt: Date;
}

@ObjectType('StaffAccountConnection')
export class StaffAccountConnection extends Connection(User, 'StaffAccount') {}

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <accessToken>`; short-lived.' }) accessToken: string;
  @Field({ description: 'Exchange with refreshSession for a new pair; each is good for one use.' }) refreshToken: string;
  @Field(() => User) user: User;
}
