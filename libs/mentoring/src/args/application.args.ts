import { ArgsType, Field } from '@nestjs/graphql';
import { ConnectionArgs } from '../../../core/src/index.js';
import { ApplicationStatus } from '../mentoring.enums.js';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
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

@ArgsType()
export class MyApplicationsArgs extends ConnectionArgs {
  @Field(() => ApplicationStatus, { nullable: true, description: 'Only applications in this state.' })
  @IsOptional()
  @IsEnum(ApplicationStatus)
  status?: ApplicationStatus | null;
}
