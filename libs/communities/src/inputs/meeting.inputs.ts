import { Trim } from '../../../core/src/index.js';
import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLE_KEY } from './validators.js';

@InputType()
export class MeetingRoleInput {
  @Field({ description: 'Upper-case key: FACILITATOR, NOTE_TAKER, TIMEKEEPER, or your own (A–Z, 0–9, _).' })
  @Trim()
  @Matches(ROLE_KEY, { message: 'role must be 2 to 40 upper-case letters, digits or _, starting with a letter' })
  role: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  description?: string | null;
}

@InputType()
export class AccountabilityCheckInInput {
  @Field({ description: 'What I did since last time.' })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'done must not be empty' })
  @MaxLength(2000)
  done: string;

  @Field({ description: 'What I will do next.' })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'next must not be empty' })
  @MaxLength(2000)
  next: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  blockers?: string | null;
}
