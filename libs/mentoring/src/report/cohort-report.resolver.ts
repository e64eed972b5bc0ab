import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentRequest, type RequestContext, RequirePermission, StaffPermission } from '../../../core/src/index.js';
import { User, UsersLoader } from '../../../accounts/src/index.js';
import { FlaggedMentoringPair } from '../types/cohort-report.type.js';

@Resolver(() => FlaggedMentoringPair)
export class CohortReportResolver {
  constructor(private readonly users: UsersLoader) {}

  @RequirePermission(StaffPermission.MENTORING_COORDINATOR)
  @ResolveField(() => User, { description: 'Who said the pair is not a good fit.' })
  async flaggedBy(@Parent() flag: FlaggedMentoringPair, @CurrentRequest() ctx: RequestContext): Promise<User> {
    const user = await this.users.byId(ctx).load(flag.flaggedById);
    if (!user) throw new Error(`feedback on pair ${flag.pair.id} has no author`);
    return user;
  }
}
