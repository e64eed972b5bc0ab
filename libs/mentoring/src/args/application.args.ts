import { ArgsType, Field } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { trimToNull } from '../inputs/trim.js';
import { ApplicationIdArgs } from './id.args.js';

@ArgsType()
export class ReviewApplicationArgs extends ApplicationIdArgs {
  @Field()
  @IsBoolean()
  approve: boolean;

  @Field(() => String, { nullable: true, description: 'Shown to the applicant.' })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @MaxLength(1000)
  reason?: string | null;
}
