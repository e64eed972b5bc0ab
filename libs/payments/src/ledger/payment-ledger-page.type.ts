import { Field, Int, ObjectType } from '@nestjs/graphql';
import { AwaitedProperty, Money } from '../../../core/src/index.js';
import { PaymentConnection } from './payment.type.js';

/** What the filtered ledger adds up to in one currency. */
@ObjectType('PaymentTotal')
export class PaymentTotal {
  @Field() currency: string;
  @Field(() => Int) payments: number;
  @Field(() => Money, { description: 'Received, before refunds.' }) amount: Money;
  @Field(() => Money, { description: 'Given back (succeeded refunds).' }) refunded: Money;
  @Field(() => Money, { description: 'Received less refunded.' }) net: Money;
}

/** The staff ledger: a page of payments, and (computed only when asked) the totals of every match. */
@ObjectType('PaymentLedgerConnection')
export class PaymentLedgerConnection extends PaymentConnection {
  @Field(() => [PaymentTotal], { description: 'Totals per currency over every payment the filters match (not only this page).' })
  @AwaitedProperty()
  totals: PaymentTotal[] | PromiseLike<PaymentTotal[]>;
}
