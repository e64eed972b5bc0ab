import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '../../core/src/index.js';

@ObjectType('User')
export class User {
  @Field(() => ID) id: string;
  /** Guarded in the resolver: the user themself and admins only. */
  email: string;
  @Field() fullName: string;
  // Profile fields (headline, bio, location, employer, skills, directoryVisible) are resolved by members.
  @Field(() => Role) role: Role;
  @Field() createdAt: Date;
}

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <accessToken>`; short-lived.' }) accessToken: string;
  @Field(() => Date, { description: 'When the access token stops working: refresh before then.' }) accessTokenExpiresAt: Date;
  @Field(() => String, {
    nullable: true,
    description:
      'Exchange with refreshSession for a new pair; each is good for one use. Null for browser sessions (header `X-Guildhall-Session: cookie`): the API keeps it in the httpOnly cookie `guildhall_refresh`.',
  })
  refreshToken: string | null;
  @Field(() => User) user: User;
}
