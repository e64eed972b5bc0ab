import { Field, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsDate, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { trimToNull } from './trim.js';

@InputType()
export class CheckInInput {
  @Field({ description: 'When the meeting took place: since the pair started, not in the future.' })
  @IsDate()
  happenedAt: Date;

  @Field(() => Int, { description: '5 to 480 minutes.' })
  @IsInt()
  @Min(5)
  @Max(480)
  durationMinutes: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @MaxLength(5000)
  notes?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @MaxLength(2000)
  nextSteps?: string | null;
}
