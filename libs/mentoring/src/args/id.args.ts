import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class CohortIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'cohortId must be a cohort id' })
  cohortId: string;
}

@ArgsType()
export class CohortLookupArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a cohort id' })
  id: string;
}

@ArgsType()
export class ApplicationIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'applicationId must be an application id' })
  applicationId: string;
}

@ArgsType()
export class PairIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'pairId must be a mentoring pair id' })
  pairId: string;
}

@ArgsType()
export class GoalIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'goalId must be a goal id' })
  goalId: string;
}

@ArgsType()
export class CheckInIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'checkInId must be a check-in id' })
  checkInId: string;
}
