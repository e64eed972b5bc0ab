import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ConnectionArgs, Trim } from '../../../core/src/index.js';
import { GroupStatus } from '../community.enums.js';
import { MAX_ROTATING_ROLES } from '../communities.limits.js';
import { MeetingRoleInput } from '../inputs/meeting.inputs.js';


@ArgsType()
export class StudyGroupsArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Words found in the name, topic or description.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  search?: string;

  @Field(() => String, { nullable: true, description: 'Exactly this topic (case-insensitive).' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(80)
  topic?: string;

  @Field(() => GroupStatus, { nullable: true, description: 'Default: FORMING and ACTIVE groups.' })
  @IsOptional()
  @IsEnum(GroupStatus)
  status?: GroupStatus;
}

@ArgsType()
export class StudyGroupIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a study group id' })
  id: string;
}

@ArgsType()
export class GroupIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'groupId must be a study group id' })
  groupId: string;
}

@ArgsType()
export class GroupMemberArgs extends GroupIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'userId must be a user id' })
  userId: string;
}

@ArgsType()
export class SetMeetingRolesArgs extends GroupIdArgs {
  @Field(() => [MeetingRoleInput], { description: `The roles the group rotates, in order: 1 to ${MAX_ROTATING_ROLES}.` })
  @ArrayMinSize(1, { message: 'roles must list at least one role' })
  @ArrayMaxSize(MAX_ROTATING_ROLES)
  @ValidateNested({ each: true })
  @Type(() => MeetingRoleInput)
  roles: MeetingRoleInput[];
}

@ArgsType()
export class UpcomingMeetingsArgs {
  @Field(() => Int, { defaultValue: 4, description: '1 to 20.' })
  @IsInt()
  @Min(1)
  @Max(20)
  count: number;
}
