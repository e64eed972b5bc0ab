import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentRequest, CurrentViewer, type RequestContext, RequirePermission, StaffPermission, type Viewer } from '../../../core/src/index.js';
import { PairOverrideArgs } from '../args/cohort.args.js';
import { CohortIdArgs } from '../args/id.args.js';
import type { MentoringPairEntity } from '../entities/mentoring-pair.entity.js';
import { MentoringPair } from '../types/pair.type.js';
import { MatchProposal } from '../types/proposal.type.js';
import { MatchingService } from './matching.service.js';
import { PublishService } from './publish.service.js';

@Resolver(() => MatchProposal)
export class ProposalsResolver {
  constructor(
    private readonly matching: MatchingService,
    private readonly publishing: PublishService,
  ) {}

  @RequirePermission(StaffPermission.MENTORING_COORDINATOR)
  @Mutation(() => MatchProposal, { description: 'The best pairs for the approved applications (locks and exclusions applied), explained.' })
  proposeMatches(@Args() { cohortId }: CohortIdArgs): Promise<MatchProposal> {
    return this.matching.propose(cohortId);
  }

  @RequirePermission(StaffPermission.MENTORING_COORDINATOR)
  @Mutation(() => MatchProposal, { description: 'Fixes a pair (even one that breaks a matching rule); returns the new proposal.' })
  lockPair(@Args() args: PairOverrideArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<MatchProposal> {
    return this.matching.lock({ actor, requestId: ctx.requestId }, args);
  }

  @RequirePermission(StaffPermission.MENTORING_COORDINATOR)
  @Mutation(() => MatchProposal, { description: 'Removes a lock or an exclusion; returns the new proposal.' })
  unlockPair(@Args() args: PairOverrideArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<MatchProposal> {
    return this.matching.unlock({ actor, requestId: ctx.requestId }, args);
  }

  @RequirePermission(StaffPermission.MENTORING_COORDINATOR)
  @Mutation(() => MatchProposal, { description: 'Rules a pair out; returns the new proposal.' })
  excludePair(@Args() args: PairOverrideArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<MatchProposal> {
    return this.matching.exclude({ actor, requestId: ctx.requestId }, args);
  }

  @RequirePermission(StaffPermission.MENTORING_COORDINATOR)
  @Mutation(() => [MentoringPair], { description: 'Creates the pairs of the current proposal; the cohort becomes ACTIVE and both sides are told.' })
  publishMatches(@Args() { cohortId }: CohortIdArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<MentoringPairEntity[]> {
    return this.publishing.publish({ actor, requestId: ctx.requestId }, cohortId);
  }
}
