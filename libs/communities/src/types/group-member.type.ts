import { Field, Int, ObjectType } from '@nestjs/graphql';
import { GroupMemberRole, GroupMemberStatus } from '../community.enums.js';

/** `user` is resolved through the per-request users loader. */
@ObjectType('GroupMember')
export class GroupMember {
  groupId: string;
  userId: string;
  @Field(() => GroupMemberRole) role: GroupMemberRole;
  @Field(() => GroupMemberStatus) status: GroupMemberStatus;
  @Field() requestedAt: Date;
  @Field(() => Date, { nullable: true, description: 'When the member became active; null while pending.' }) joinedAt: Date | null;
}

@ObjectType('RoleTurns', { description: 'How many turns of a role a member has taken, as the rotation counts them (absent turns excluded, swaps included).' })
export class RoleTurns {
  userId: string;
  @Field() role: string;
  @Field(() => Int) turns: number;
}
