import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Money } from '../../core/src/index.js';
import { MembershipTierEntity } from './entities/membership-tier.entity.js';
import { BillingInterval } from './membership.enums.js';

/** What a MembershipTier shows: an entity, or a plain row read by a loader. */
export type MembershipTierRow = Pick<
  MembershipTierEntity,
  'id' | 'name' | 'description' | 'priceAmount' | 'priceCurrency' | 'billingInterval' | 'requiresApproval' | 'gracePeriodDays' | 'eventDiscountPercent' | 'active'
>;

@ObjectType('MembershipTier')
export class MembershipTier {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => Money) price: Money;
  @Field(() => BillingInterval) billingInterval: BillingInterval;
  @Field() requiresApproval: boolean;
  @Field(() => Int) gracePeriodDays: number;
  @Field(() => Int, { description: 'Percent off member prices of events.' }) eventDiscountPercent: number;
  @Field() active: boolean;

  static from(entity: MembershipTierRow): MembershipTier {
    return {
      id: entity.id,
      name: entity.name,
      description: entity.description,
      price: { amount: entity.priceAmount, currency: entity.priceCurrency },
      billingInterval: entity.billingInterval,
      requiresApproval: entity.requiresApproval,
      gracePeriodDays: entity.gracePeriodDays,
      eventDiscountPercent: entity.eventDiscountPercent,
      active: entity.active,
    };
  }
}
