import { Trim } from '../../../core/src/index.js';
import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsDate, IsEnum, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { MentoringGoalStatus } from '../mentoring.enums.js';
import { trimToNull } from './trim.js';

@InputType()
export class GoalInput {
  @Field()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  targetDate?: Date | null;
}

@InputType()
export class UpdateGoalInput {
  @Field({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200)
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  targetDate?: Date | null;

  @Field(() => MentoringGoalStatus, { nullable: true })
  @IsOptional()
  @IsEnum(MentoringGoalStatus)
  status?: MentoringGoalStatus;
}
