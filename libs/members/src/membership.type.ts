import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { MembershipStatus } from './membership.enums.js';
import type { MembershipTierRow } from './membership-tier.type.js';

@ObjectType('MembershipPeriod')
export class MembershipPeriod {
  @Field() startsAt: Date;
  @Field(() => Date, { nullable: true, description: 'Null: lifetime.' }) endsAt: Date | null;
  @Field({ description: 'PAYMENT, OFFLINE_PAYMENT, GRANT, IMPORT or FREE.' }) source: string;
}

/** `user`, `tier` and `periods` are resolved through per-request loaders. */
@ObjectType('Membership')
export class Membership {
  @Field(() => ID) id: string;
  userId: string;
  tierId: string;
  /** The tier's row when the membership was read with it (the loader's batch); else Membership.tier loads it. */
  tierRow?: MembershipTierRow;
  @Field(() => MembershipStatus) status: MembershipStatus;
  @Field(() => Date, { nullable: true }) startedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'Null while ACTIVE means lifetime.' }) currentPeriodEnd: Date | null;
  @Field(() => Date, { nullable: true }) graceEndsAt: Date | null;
  @Field() autoRenew: boolean;
  @Field() complimentary: boolean;
  @Field(() => Date, { nullable: true, description: 'When cancellation was asked for; valid to the period end.' })
  cancelledAt: Date | null;
  @Field(() => String, { nullable: true }) declineReason: string | null;
  @Field() createdAt: Date;
}

@ObjectType()
export class StatusCount {
  @Field(() => MembershipStatus) status: MembershipStatus;
  @Field(() => Int) count: number;
}

@ObjectType()
export class TierCount {
  @Field(() => ID) tierId: string;
  @Field() tierName: string;
  @Field(() => MembershipStatus) status: MembershipStatus;
  @Field(() => Int) count: number;
}

@ObjectType()
export class MonthlyMovement {
  @Field({ description: 'YYYY-MM (UTC).' }) month: string;
  @Field(() => Int, { description: 'Memberships that became ACTIVE for the first time.' }) joins: number;
  @Field(() => Int) lapses: number;
  @Field(() => Int, { description: 'Periods added to memberships that already had one.' }) renewals: number;
}

@ObjectType()
export class MembershipStats {
  @Field(() => Int, { description: 'Members in good standing (ACTIVE or GRACE).' }) inGoodStanding: number;
  @Field(() => [StatusCount]) byStatus: StatusCount[];
  @Field(() => [TierCount]) byTier: TierCount[];
  @Field(() => [MonthlyMovement], { description: 'The last 12 months, oldest first.' }) byMonth: MonthlyMovement[];
}
