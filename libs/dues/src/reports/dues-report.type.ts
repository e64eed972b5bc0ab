import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsDate } from 'class-validator';
import { Money } from '../../../core/src/index.js';

@ObjectType('DuesReportLine')
export class DuesReportLine {
  @Field({ description: 'YYYY-MM (UTC).' }) month: string;
  @Field(() => ID) tierId: string;
  @Field() tierName: string;
  @Field(() => Money, { description: 'Dues received in the month.' }) collected: Money;
  @Field(() => Money, { description: 'Refunds of dues made in the month.' }) refunded: Money;
  @Field(() => Int) payments: number;
}

@ObjectType('DuesReport')
export class DuesReport {
  @Field() from: Date;
  @Field() to: Date;
  @Field(() => [Money], { description: 'Per currency.' }) collected: Money[];
  @Field(() => [Money], { description: 'Per currency.' }) refunded: Money[];
  @Field(() => [Money], { description: 'Collected less refunded, per currency.' }) net: Money[];
  @Field(() => Int) payments: number;
  @Field(() => [DuesReportLine], { description: 'By month, then tier, then currency.' }) byTierAndMonth: DuesReportLine[];
  @Field(() => Int, { description: 'Subscriptions that will renew (now, not over the range).' }) activeAutoRenewals: number;
}

@ArgsType()
export class DuesReportArgs {
  @Field({ description: 'From this instant (inclusive).' })
  @IsDate()
  from: Date;

  @Field({ description: 'To this instant (exclusive). At most 5 years after from.' })
  @IsDate()
  to: Date;
}
