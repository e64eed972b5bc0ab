import { Field, ObjectType } from '@nestjs/graphql';
import { MembershipTier } from '../../../members/src/index.js';

@ObjectType('ScheduledTierChange')
export class ScheduledTierChange {
  toTierId: string;
  @Field(() => MembershipTier) tier: MembershipTier;
  @Field(() => Date, { nullable: true, description: 'The end of the period running when it was asked for: the change comes with the next paid period.' })
  effectiveAt: Date | null;
}
