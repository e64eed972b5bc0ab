import { ArgsType, Field, ID, ObjectType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { ConnectionArgs } from '../../../core/src/index.js';
import { MembershipStatus } from '../membership.enums.js';

@ObjectType({ description: 'One status change of a membership: from, to, who (null: the system), why, when.' })
export class MembershipStatusChange {
  @Field(() => ID) id: string;
  @Field(() => ID) membershipId: string;
  @Field({ description: "The membership's tier." }) tierName: string;
  @Field(() => MembershipStatus, { nullable: true, description: 'Null for the first status.' }) fromStatus: MembershipStatus | null;
  @Field(() => MembershipStatus) toStatus: MembershipStatus;
  @Field(() => ID, { nullable: true }) actorId: string | null;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field() createdAt: Date;
}

@ArgsType()
export class MemberUserIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'userId must be a user id' })
  userId: string;
}

@ArgsType()
export class MemberAuditTrailArgs extends ConnectionArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'userId must be a user id' })
  userId: string;
}
