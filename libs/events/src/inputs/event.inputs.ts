import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsBoolean, IsDate, IsEnum, IsInt, IsNumber, IsOptional, IsString, IsUrl, Max, MaxLength, Min, MinLength, ValidateNested,
} from 'class-validator';
import { IsIanaZone, MoneyInput, Trim } from '../../../core/src/index.js';
import { EventFormat, EventKind } from '../events.enums.js';

export const MAX_SESSIONS = 50;

@InputType()
export class EventSessionInput {
  @Field()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200)
  title: string;

  @Field()
  @IsDate()
  startsAt: Date;

  @Field()
  @IsDate()
  endsAt: Date;

  @Field(() => Float, { defaultValue: 0 })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  ceCredits: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'ceCategory must not be empty' })
  @MaxLength(100)
  ceCategory?: string | null;
}

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

@InputType()
export class CreateEventInput {
  @Field()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string | null;

  @Field(() => EventKind)
  @IsEnum(EventKind)
  kind: EventKind;

  @Field(() => EventFormat)
  @IsEnum(EventFormat)
  format: EventFormat;

  @Field()
  @IsDate()
  startsAt: Date;

  @Field()
  @IsDate()
  endsAt: Date;

  @Field({ description: 'IANA time zone, e.g. America/Chicago.' })
  @IsIanaZone()
  timezone: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  venue?: string | null;

  @Field(() => String, { nullable: true, description: 'Shown only to confirmed registrants and admins.' })
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'onlineUrl must be an http(s) URL' })
  @MaxLength(2000)
  onlineUrl?: string | null;

  @Field(() => Int, { nullable: true, description: 'Omit for no limit.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  capacity?: number | null;

  @Field(() => Int, { nullable: true, description: 'How many may join the waitlist once the seats are gone. Omit for no limit; 0: no waitlist.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  waitlistLimit?: number | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  registrationOpensAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  registrationClosesAt?: Date | null;

  @Field(() => MoneyInput)
  @ValidateNested()
  @Type(() => MoneyInput)
  memberPrice: MoneyInput;

  @Field(() => MoneyInput, { description: 'Same currency as memberPrice.' })
  @ValidateNested()
  @Type(() => MoneyInput)
  nonMemberPrice: MoneyInput;

  @Field({ defaultValue: false })
  @IsBoolean()
  membersOnly: boolean;

  @Field(() => [EventSessionInput], { nullable: true, description: `Up to ${MAX_SESSIONS}; omit for one session spanning the event (with ceCredits and ceCategory below).` })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SESSIONS)
  @ValidateNested({ each: true })
  @Type(() => EventSessionInput)
  sessions?: EventSessionInput[] | null;

  @Field(() => Float, { nullable: true, description: 'Credits of the single session when `sessions` is omitted.' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  ceCredits?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'ceCategory must not be empty' })
  @MaxLength(100)
  ceCategory?: string | null;
}

/** Omitted fields stay as they are; null clears an optional one. */
@InputType()
export class UpdateEventInput {
  @Field({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200)
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string | null;

  @Field(() => EventKind, { nullable: true })
  @IsOptional()
  @IsEnum(EventKind)
  kind?: EventKind;

  @Field(() => EventFormat, { nullable: true })
  @IsOptional()
  @IsEnum(EventFormat)
  format?: EventFormat;

  @Field({ nullable: true })
  @IsOptional()
  @IsDate()
  startsAt?: Date;

  @Field({ nullable: true })
  @IsOptional()
  @IsDate()
  endsAt?: Date;

  @Field({ nullable: true })
  @IsOptional()
  @IsIanaZone()
  timezone?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  venue?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'onlineUrl must be an http(s) URL' })
  @MaxLength(2000)
  onlineUrl?: string | null;

  @Field(() => Int, { nullable: true, description: 'Null: no limit. Raising it fills the new seats from the waitlist.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  capacity?: number | null;

  @Field(() => Int, { nullable: true, description: 'Null: no limit; 0: no waitlist. Lowering it turns newcomers away; nobody already queueing loses their place.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  waitlistLimit?: number | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  registrationOpensAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  registrationClosesAt?: Date | null;

  @Field(() => MoneyInput, { nullable: true, description: 'Applies to registrations made from now on.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  memberPrice?: MoneyInput;

  @Field(() => MoneyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  nonMemberPrice?: MoneyInput;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  membersOnly?: boolean;

  @Field(() => [EventSessionInput], { nullable: true, description: 'Replaces the sessions; refused once anyone has checked in.' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SESSIONS)
  @ValidateNested({ each: true })
  @Type(() => EventSessionInput)
  sessions?: EventSessionInput[];
}
