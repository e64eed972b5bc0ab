import { Trim } from '../../../core/src/index.js';
import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsBoolean, IsDate, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { MAX_GROUP_SIZE } from '../communities.limits.js';
import { ROLE_KEY } from '../inputs/validators.js';

@ArgsType()
export class MeetingIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'meetingId must be a meeting id' })
  meetingId: string;
}

@ArgsType()
export class GoalIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'goalId must be a goal id' })
  goalId: string;
}

@ArgsType()
export class SwapMeetingRoleArgs extends MeetingIdArgs {
  @Field()
  @Trim()
  @Matches(ROLE_KEY, { message: 'role must be one of the group\'s role keys, e.g. NOTE_TAKER' })
  role: string;

  @Field(() => ID, { description: 'The member who takes the role; if they hold another role in this meeting, the two trade.' })
  @IsUUID('all', { message: 'userId must be a user id' })
  userId: string;
}

@ArgsType()
export class RecordAttendanceArgs extends MeetingIdArgs {
  @Field(() => [ID], { description: 'Who was there; every other active member is recorded absent.' })
  @ArrayMaxSize(MAX_GROUP_SIZE)
  @ArrayUnique({ message: 'userIds must not repeat a person' })
  @IsUUID('all', { each: true, message: 'userIds must be user ids' })
  userIds: string[];
}

@ArgsType()
export class SaveMeetingNotesArgs extends MeetingIdArgs {
  @Field()
  @IsString()
  @MaxLength(20_000)
  notes: string;
}

@ArgsType()
export class MoveMeetingArgs extends MeetingIdArgs {
  @Field({ description: 'The new start (seconds are dropped); the length stays the same.' })
  @IsDate()
  startsAt: Date;
}

@ArgsType()
export class MeetingFeedbackArgs extends MeetingIdArgs {
  @Field(() => Int, { description: '1 to 5.' })
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string | null;
}

@ArgsType()
export class OfferMeetingRoleArgs extends MeetingIdArgs {
  @Field({ description: 'A role you hold at the meeting.' })
  @Trim()
  @Matches(ROLE_KEY, { message: 'role must be one of the group\'s role keys, e.g. NOTE_TAKER' })
  role: string;

  @Field(() => ID, { description: 'The active member you ask to take it; if they hold another role at the meeting, accepting trades the two.' })
  @IsUUID('all', { message: 'userId must be a user id' })
  userId: string;
}

@ArgsType()
export class AnswerMeetingRoleOfferArgs extends MeetingIdArgs {
  @Field({ description: 'The role offered to you.' })
  @Trim()
  @Matches(ROLE_KEY, { message: 'role must be one of the group\'s role keys, e.g. NOTE_TAKER' })
  role: string;

  @Field({ description: 'True to take the role (and hand over yours if it is a trade), false to decline.' })
  @IsBoolean()
  accept: boolean;
}
