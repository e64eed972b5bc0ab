import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsDate, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ConnectionArgs, Trim } from '../../../core/src/index.js';
import { MembershipStatus } from '../membership.enums.js';


@ArgsType()
export class MembershipIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'membershipId must be a membership id' })
  membershipId: string;
}

@ArgsType()
export class TierIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'tierId must be a tier id' })
  tierId: string;
}

@ArgsType()
export class IdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id' })
  id: string;
}

@ArgsType()
export class DeclineMembershipArgs extends MembershipIdArgs {
  @Field()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'reason must not be empty' })
  @MaxLength(1000)
  reason: string;
}

@ArgsType()
export class GrantMembershipArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'userId must be a user id' })
  userId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'tierId must be a tier id' })
  tierId: string;

  @Field(() => Date, { nullable: true, description: 'When the complimentary membership ends; omit for lifetime.' })
  @IsOptional()
  @IsDate()
  until?: Date | null;
}

@ArgsType()
export class TiersArgs {
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Admins only: also list inactive tiers.' })
  @IsOptional()
  @IsBoolean()
  includeInactive?: boolean | null;
}

@ArgsType()
export class UsersArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Words matched against name, headline, skills, location and email.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @Field(() => MembershipStatus, { nullable: true })
  @IsOptional()
  @IsEnum(MembershipStatus)
  status?: MembershipStatus;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'tierId must be a tier id' })
  tierId?: string;

  @Field(() => Date, { nullable: true, description: 'The membership started at or after this instant.' })
  @IsOptional()
  @IsDate()
  joinedFrom?: Date;

  @Field(() => Date, { nullable: true, description: 'The membership started before this instant.' })
  @IsOptional()
  @IsDate()
  joinedTo?: Date;

  @Field(() => Date, { nullable: true, description: 'The membership lapsed (went to LAPSED) at or after this instant.' })
  @IsOptional()
  @IsDate()
  lapsedFrom?: Date;

  @Field(() => Date, { nullable: true, description: 'The membership lapsed before this instant.' })
  @IsOptional()
  @IsDate()
  lapsedTo?: Date;
}

@ArgsType()
export class DirectoryArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @Field(() => [String], { nullable: true, description: 'Members having all of these skills.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  skills?: string[];

  @Field(() => String, { nullable: true, description: 'Location starts with this (case-insensitive).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  location?: string;
}
