import { IsIanaZone, Trim } from '../../../core/src/index.js';
import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { GroupStatus, GroupVisibility, MeetingCadence, Weekday } from '../community.enums.js';
import { MAX_GROUP_SIZE } from '../communities.limits.js';
import { IsLocalDate, LOCAL_TIME } from './validators.js';

@InputType()
export class MeetingScheduleInput {
  @Field(() => MeetingCadence)
  @IsEnum(MeetingCadence)
  cadence: MeetingCadence;

  @Field(() => Weekday)
  @IsEnum(Weekday)
  weekday: Weekday;

  @Field(() => Int, { nullable: true, description: 'MONTHLY only: 1 to 4, or -1 for the last; default: the week of the first meeting.' })
  @IsOptional()
  @IsIn([1, 2, 3, 4, -1], { message: 'weekOfMonth must be 1, 2, 3, 4 or -1 (the last)' })
  weekOfMonth?: number | null;

  @Field({ description: 'HH:MM, 24-hour, wall clock in `timezone`.' })
  @Matches(LOCAL_TIME, { message: 'localTime must be HH:MM (24-hour)' })
  localTime: string;

  @Field({ description: 'IANA time zone, e.g. Europe/Berlin.' })
  @IsIanaZone()
  timezone: string;

  @Field(() => Int, { description: '15 to 480.' })
  @IsInt()
  @Min(15)
  @Max(480)
  durationMinutes: number;

  @Field({ description: 'YYYY-MM-DD.' })
  @IsLocalDate()
  startsOn: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, inclusive; omit for open-ended.' })
  @IsOptional()
  @IsLocalDate()
  endsOn?: string | null;
}

@InputType()
export class CreateStudyGroupInput {
  @Field()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(120)
  name: string;

  @Field({ description: 'What the group studies, e.g. "CFA Level I" (used to filter the list).' })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'topic must not be empty' })
  @MaxLength(80)
  topic: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @Field(() => GroupVisibility)
  @IsEnum(GroupVisibility)
  visibility: GroupVisibility;

  @Field(() => Int, { nullable: true, description: `2 to ${MAX_GROUP_SIZE}, the organiser included; omit for the platform limit.` })
  @IsOptional()
  @IsInt()
  @Min(2)
  @Max(MAX_GROUP_SIZE)
  capacity?: number | null;

  @Field(() => MeetingScheduleInput)
  @ValidateNested()
  @Type(() => MeetingScheduleInput)
  schedule: MeetingScheduleInput;
}

@InputType()
export class UpdateStudyGroupInput {
  @Field({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(120)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'topic must not be empty' })
  @MaxLength(80)
  topic?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @Field(() => GroupVisibility, { nullable: true })
  @IsOptional()
  @IsEnum(GroupVisibility)
  visibility?: GroupVisibility;

  @Field(() => Int, { nullable: true, description: 'Null clears it (the platform limit applies). Never below the active members.' })
  @IsOptional()
  @IsInt()
  @Min(2)
  @Max(MAX_GROUP_SIZE)
  capacity?: number | null;

  @Field(() => GroupStatus, { nullable: true, description: 'FORMING → ACTIVE → ARCHIVED (archiving ends the series today).' })
  @IsOptional()
  @IsEnum(GroupStatus)
  status?: GroupStatus;

  @Field(() => MeetingScheduleInput, { nullable: true, description: 'A new rhythm replaces the meetings that have not started (their roles, moves and cancellations with them).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MeetingScheduleInput)
  schedule?: MeetingScheduleInput;
}
