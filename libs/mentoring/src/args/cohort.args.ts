import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { ConnectionArgs } from '../../../core/src/index.js';
import { ApplicationStatus, MentoringRole } from '../mentoring.enums.js';
import { CohortIdArgs } from './id.args.js';

@ArgsType()
export class CohortApplicationsArgs extends ConnectionArgs {
  @Field(() => MentoringRole, { nullable: true })
  @IsOptional()
  @IsEnum(MentoringRole)
  role?: MentoringRole;

  @Field(() => ApplicationStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ApplicationStatus)
  status?: ApplicationStatus;
}

/** A mentor application and a mentee application of one cohort. */
@ArgsType()
export class PairOverrideArgs extends CohortIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'mentorApplicationId must be an application id' })
  mentorApplicationId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'menteeApplicationId must be an application id' })
  menteeApplicationId: string;
}
