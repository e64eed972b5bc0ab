import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsIanaZone } from '../../../core/src/index.js';
import { MAX_MENTOR_CAPACITY } from '../matching/index.js';
import { MeetingFormat, MentoringRole } from '../mentoring.enums.js';
import { normaliseTopics, trimToNull } from './trim.js';

export const MAX_TOPICS = 10;
export const MAX_TOPIC_LENGTH = 60;

@InputType()
export class ApplyToCohortInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'cohortId must be a cohort id' })
  cohortId: string;

  @Field(() => MentoringRole)
  @IsEnum(MentoringRole)
  role: MentoringRole;

  @Field(() => [String], { description: `1 to ${MAX_TOPICS} topics, each up to ${MAX_TOPIC_LENGTH} characters (compared case-insensitively).` })
  @Transform(normaliseTopics)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TOPICS)
  @IsString({ each: true })
  @MinLength(1, { each: true, message: 'each topic must not be empty' })
  @MaxLength(MAX_TOPIC_LENGTH, { each: true })
  topics: string[];

  @Field(() => String, { nullable: true, description: 'What you hope to get (mentee) or offer (mentor), in your words.' })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @MaxLength(2000)
  goals?: string | null;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(70)
  yearsOfExperience: number;

  @Field({ description: 'IANA time zone, e.g. Europe/Berlin.' })
  @IsString()
  @MaxLength(64)
  @IsIanaZone()
  timezone: string;

  @Field(() => MeetingFormat)
  @IsEnum(MeetingFormat)
  preferredFormat: MeetingFormat;

  @Field(() => Int, { nullable: true, description: `Mentors: how many mentees, 1..${MAX_MENTOR_CAPACITY} (default 1). Mentees: leave out (or 1).` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_MENTOR_CAPACITY)
  capacity?: number;
}
