import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Money } from '../../../core/src/index.js';

/** What cancelling an event would do, shown before staff confirm it. Nothing is written. */
@ObjectType()
export class EventCancellationPreview {
  @Field(() => ID) eventId: string;
  @Field(() => Int, { description: 'Live registrations that would be cancelled (everyone below), each told by email.' }) registrationsToCancel: number;
  @Field(() => Int) confirmed: number;
  @Field(() => Int) waitlisted: number;
  @Field(() => Int, { description: 'Seats held while their person pays (their checkout pages are closed).' }) pendingPayment: number;
  @Field(() => Int) offered: number;
  @Field(() => Int, { description: 'Paid seats that would be refunded.' }) refunds: number;
  @Field(() => [Money], { description: 'What those refunds add up to, per currency.' }) refundTotal: Money[];
}
