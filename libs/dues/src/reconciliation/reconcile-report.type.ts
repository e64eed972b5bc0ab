import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsDate, IsOptional } from 'class-validator';

@ObjectType('ReconcileReport')
export class ReconcileReport {
  @Field({ description: 'Events created at or after this instant were scanned.' }) since: Date;
  @Field(() => Int) eventsScanned: number;
  @Field(() => Int, { description: 'Events we had missed and have now applied.' }) eventsApplied: number;
  @Field(() => Int) subscriptionsChecked: number;
  @Field(() => Int, { description: 'Subscriptions whose state here differed from Stripe and was corrected.' }) subscriptionsFixed: number;
  @Field(() => Int, { description: 'Payments recorded by this run (missed invoice.paid, …).' }) paymentsRecorded: number;
  @Field(() => Int, { description: 'Refunds whose outcome was unknown and is now settled.' }) refundsSettled: number;
  @Field(() => Int, { description: 'Subscriptions set to end because their membership was cancelled or ended.' }) billingStopped: number;
  @Field(() => Int, { description: 'Events or objects that could not be applied (they are retried next run).' }) failures: number;
  @Field(() => [String], { description: 'What was fixed, one line each (at most 200).' }) fixes: string[];
}

@ArgsType()
export class ReconcileArgs {
  @Field(() => Date, { nullable: true, description: 'Scan events from here (default: just before the last event seen; Stripe keeps 30 days).' })
  @IsOptional()
  @IsDate()
  since?: Date | null;
}

export function emptyReport(since: Date): ReconcileReport {
  return {
    since,
    eventsScanned: 0,
    eventsApplied: 0,
    subscriptionsChecked: 0,
    subscriptionsFixed: 0,
    paymentsRecorded: 0,
    refundsSettled: 0,
    billingStopped: 0,
    failures: 0,
    fixes: [],
  };
}
