import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { MoneyInput, Trim } from '../../../core/src/index.js';

export enum OfflinePaymentMethod {
  CHEQUE = 'cheque',
  BANK_TRANSFER = 'bank_transfer',
  CASH = 'cash',
  OTHER = 'other',
}
registerEnumType(OfflinePaymentMethod, { name: 'OfflinePaymentMethod' });


@InputType()
export class RecordOfflinePaymentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'membershipId must be a membership id' })
  membershipId: string;

  @Field(() => MoneyInput, { description: "In the tier's currency." })
  @ValidateNested()
  @Type(() => MoneyInput)
  amount: MoneyInput;

  @Field(() => OfflinePaymentMethod)
  @IsEnum(OfflinePaymentMethod)
  method: OfflinePaymentMethod;

  @Field({ description: 'Cheque number, bank reference…: unique per method, so one payment cannot be recorded twice.' })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'reference must not be empty' })
  @MaxLength(200)
  reference: string;

  @Field(() => Date, { nullable: true, description: 'When the money arrived (default: now). Not in the future.' })
  @IsOptional()
  @IsDate()
  receivedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}

@ArgsType()
export class RefundPaymentArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'paymentId must be a payment id' })
  paymentId: string;

  @Field(() => Int, { nullable: true, description: 'Minor units; default: all that is left. Never more than was paid.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  amount?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string | null;
}
