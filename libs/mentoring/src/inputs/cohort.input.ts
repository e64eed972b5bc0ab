import { Trim } from '../../../core/src/index.js';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';


@InputType()
export class MatchingWeightsInput {
  @Field(() => Int) @IsInt() @Min(0) @Max(10) topics: number;
  @Field(() => Int) @IsInt() @Min(0) @Max(10) goals: number;
  @Field(() => Int) @IsInt() @Min(0) @Max(10) experienceGap: number;
  @Field(() => Int) @IsInt() @Min(0) @Max(10) timezone: number;
  @Field(() => Int) @IsInt() @Min(0) @Max(10) format: number;
}

export const DEFAULT_WEIGHTS: MatchingWeightsInput = { topics: 8, goals: 5, experienceGap: 3, timezone: 4, format: 2 };

@InputType()
export class MatchingSettingsInput {
  @Field({ nullable: true, description: 'Default true.' })
  @IsOptional()
  @IsBoolean()
  forbidSameEmployer?: boolean;

  @Field(() => Int, { nullable: true, description: '0..50, default 2.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  minExperienceGapYears?: number;

  @Field({ nullable: true, description: 'Default false.' })
  @IsOptional()
  @IsBoolean()
  allowRepeatPairs?: boolean;
}

@InputType()
export class CreateCohortInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'programId must be a mentoring program id' })
  programId: string;

  @Field()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name: string;

  @Field(() => Date, { nullable: true, description: 'No applications after this moment; at or before startsAt.' })
  @IsOptional()
  @IsDate()
  applicationsCloseAt?: Date | null;

  @Field()
  @IsDate()
  startsAt: Date;

  @Field({ description: 'After startsAt; at most 3 years later.' })
  @IsDate()
  endsAt: Date;

  @Field(() => MatchingWeightsInput, { nullable: true, description: 'Default topics 8, goals 5, experienceGap 3, timezone 4, format 2.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MatchingWeightsInput)
  matchingWeights?: MatchingWeightsInput;

  @Field(() => MatchingSettingsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MatchingSettingsInput)
  matchingSettings?: MatchingSettingsInput;
}

@InputType()
export class UpdateCohortMatchingInput {
  @Field(() => MatchingWeightsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MatchingWeightsInput)
  matchingWeights?: MatchingWeightsInput;

  @Field(() => MatchingSettingsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MatchingSettingsInput)
  matchingSettings?: MatchingSettingsInput;
}
