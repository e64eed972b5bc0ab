import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { Connection, ConnectionArgs, Money } from '../../../core/src/index.js';
import { PaymentEntity } from './payment.entity.js';
import { PaymentPurpose, PaymentStatus } from './payment.enums.js';

/** `user` is resolved through the users loader, for the payer and admins only. */
@ObjectType('Payment')
export class Payment {
  @Field(() => ID) id: string;
  userId: string;
  @Field(() => Money) amount: Money;
  @Field(() => Money) amountRefunded: Money;
  @Field(() => PaymentStatus) status: PaymentStatus;
  @Field(() => PaymentPurpose, { description: 'DUES or EVENT: one ledger for both.' }) purpose: PaymentPurpose;
  @Field({ description: 'card, cheque, bank_transfer, cash or other.' }) method: string;
  @Field() description: string;
  @Field(() => String, { nullable: true }) stripePaymentIntentId: string | null;
  @Field(() => String, { nullable: true }) receiptUrl: string | null;
  @Field({ description: 'When the money was received.' }) paidAt: Date;
  @Field() createdAt: Date;

  static from(entity: PaymentEntity): Payment {
    return {
      id: entity.id,
      userId: entity.userId,
      amount: { amount: entity.amount, currency: entity.currency },
      amountRefunded: { amount: entity.amountRefunded, currency: entity.currency },
      status: entity.status,
      purpose: entity.purpose,
      method: entity.method,
      description: entity.description,
      stripePaymentIntentId: entity.stripePaymentIntentId,
      receiptUrl: entity.receiptUrl,
      paidAt: entity.paidAt,
      createdAt: entity.createdAt,
    };
  }
}

@ObjectType()
export class PaymentConnection extends Connection(Payment) {}

@ArgsType()
export class PaymentsArgs extends ConnectionArgs {
  @Field(() => PaymentStatus, { nullable: true })
  @IsOptional()
  @IsEnum(PaymentStatus)
  status?: PaymentStatus;

  @Field(() => PaymentPurpose, { nullable: true, description: 'DUES or EVENT.' })
  @IsOptional()
  @IsEnum(PaymentPurpose)
  purpose?: PaymentPurpose;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be a user id' })
  userId?: string;

  @Field(() => Int, { nullable: true, description: 'Amount at least this (minor units, any currency).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  minAmount?: number;

  @Field(() => Int, { nullable: true, description: 'Amount at most this (minor units, any currency).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  maxAmount?: number;

  @Field(() => Date, { nullable: true, description: 'Recorded at or after this instant.' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Recorded before this instant.' })
  @IsOptional()
  @IsDate()
  to?: Date;
}
