import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentRequest, CurrentViewer, type RequestContext, type Viewer } from '../../../core/src/index.js';
import { User, UsersLoader } from '../../../accounts/src/index.js';
import { CheckInIdArgs, PairIdArgs } from '../args/id.args.js';
import type { MentoringCheckInEntity } from '../entities/mentoring-check-in.entity.js';
import { CheckInInput } from '../inputs/check-in.input.js';
import { CheckIn } from '../types/check-in.type.js';
import { CheckInsService } from './check-ins.service.js';

@Resolver(() => CheckIn)
export class CheckInsResolver {
  constructor(
    private readonly checkIns: CheckInsService,
    private readonly users: UsersLoader,
  ) {}

  @Authenticated()
  @Mutation(() => CheckIn, { description: "The pair's mentor or mentee logs a meeting; the other side confirms it." })
  logCheckIn(@Args() { pairId }: PairIdArgs, @Args('input') input: CheckInInput, @CurrentViewer() viewer: Viewer): Promise<MentoringCheckInEntity> {
    return this.checkIns.log(viewer, pairId, input);
  }

  @Authenticated()
  @Mutation(() => CheckIn, { description: 'The side that did not log it confirms; confirmed hours earn CE credits for both.' })
  confirmCheckIn(@Args() { checkInId }: CheckInIdArgs, @CurrentViewer() viewer: Viewer): Promise<MentoringCheckInEntity> {
    return this.checkIns.confirm(viewer, checkInId);
  }

  /** Check-ins are only reachable through their pair (guarded) or the two mutations above (participants). */
  @Authenticated()
  @ResolveField(() => User)
  async loggedBy(@Parent() checkIn: MentoringCheckInEntity, @CurrentRequest() ctx: RequestContext): Promise<User> {
    const user = await this.users.byId(ctx).load(checkIn.loggedById);
    if (!user) throw new Error(`check-in ${checkIn.id} has no author`);
    return user;
  }
}
