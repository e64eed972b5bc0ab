import { Trim } from '../../../core/src/index.js';
import { Field, Float, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsNumber, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { trimToNull } from './trim.js';

@InputType()
export class CreateMentoringProgramInput {
  @Field()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @Field({ defaultValue: false, description: 'Only members in good standing may apply.' })
  @IsBoolean()
  membersOnly: boolean;

  @Field(() => Float, { description: 'CE credits per confirmed hour, 0 to 10 (two decimals).' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(10)
  ceCreditsPerHour: number;
}
