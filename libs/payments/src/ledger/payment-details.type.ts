import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { JSONScalar, Money } from '../../../core/src/index.js';
import { PaymentProvider, RefundStatus } from './payment.enums.js';
import { Payment } from './payment.type.js';

registerEnumType(PaymentProvider, { name: 'PaymentProvider', description: 'Where the money came through.' });
registerEnumType(RefundStatus, { name: 'RefundStatus', description: 'PENDING until Stripe answers (its amount stays reserved).' });

@ObjectType('PaymentRefund')
export class PaymentRefund {
  @Field(() => ID) id: string;
  @Field(() => Money) amount: Money;
  @Field(() => RefundStatus) status: RefundStatus;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => String, { nullable: true }) stripeRefundId: string | null;
  @Field(() => String, { nullable: true, description: 'Why Stripe refused it (FAILED only).' }) failureMessage: string | null;
  @Field(() => String, { nullable: true, description: 'The staff member who asked for it; null for refunds made in Stripe.' }) requestedByName: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) settledAt: Date | null;
}

@ObjectType('PaymentAuditEntry')
export class PaymentAuditEntry {
  @Field(() => ID) id: string;
  @Field() at: Date;
  @Field({ description: 'e.g. payment.refund, dues.recordOfflinePayment' }) action: string;
  @Field(() => String, { nullable: true, description: 'Null: the system.' }) actorName: string | null;
  @Field(() => JSONScalar, { nullable: true, description: 'What the action recorded.' }) details: Record<string, unknown> | null;
}

/** One payment as FINANCE staff see it: its Stripe ids, offline reference, refunds and audit trail. */
@ObjectType('PaymentDetails')
export class PaymentDetails {
  @Field(() => Payment) payment: Payment;
  @Field(() => PaymentProvider) provider: PaymentProvider;
  @Field(() => String, { nullable: true }) stripeChargeId: string | null;
  @Field(() => String, { nullable: true }) stripeInvoiceId: string | null;
  @Field(() => String, { nullable: true }) stripeCustomerId: string | null;
  @Field(() => String, { nullable: true, description: 'Offline payments: cheque number, bank reference…' }) externalReference: string | null;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => String, { nullable: true, description: 'Offline payments: who recorded it.' }) recordedByName: string | null;
  @Field(() => Money, { description: 'What may still be refunded: paid less refunds succeeded or pending.' }) refundable: Money;
  @Field(() => [PaymentRefund], { description: 'Oldest first.' }) refunds: PaymentRefund[];
  @Field(() => [PaymentAuditEntry], { description: 'Staff actions on this payment, newest first (at most 100).' }) auditTrail: PaymentAuditEntry[];
}
