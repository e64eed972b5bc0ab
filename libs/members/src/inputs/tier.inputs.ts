import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { MoneyInput } from '../../../core/src/index.js';
import { BillingInterval } from '../membership.enums.js';

@InputType()
export class CreateMembershipTierInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @Field(() => MoneyInput)
  @ValidateNested()
  @Type(() => MoneyInput)
  price: MoneyInput;

  @Field(() => BillingInterval)
  @IsEnum(BillingInterval)
  billingInterval: BillingInterval;

  @Field()
  @IsBoolean()
  requiresApproval: boolean;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(365)
  gracePeriodDays: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(100)
  eventDiscountPercent: number;
}

@InputType()
export class UpdateMembershipTierInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @Field(() => MoneyInput, { nullable: true, description: 'Applies to new joins and renewals; current periods keep what was paid.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  price?: MoneyInput;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  requiresApproval?: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  gracePeriodDays?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  eventDiscountPercent?: number;

  @Field({ nullable: true, description: 'Inactive tiers take no new applications; existing members keep them.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
