import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentRequest, CurrentViewer, type RequestContext, type Viewer, whenLoaded } from '../../../core/src/index.js';
import { User, UsersLoader } from '../../../accounts/src/index.js';
import { EndPairArgs, PairFeedbackArgs } from '../args/pair.args.js';
import type { MentoringCohortEntity } from '../entities/mentoring-cohort.entity.js';
import type { MentoringGoalEntity } from '../entities/mentoring-goal.entity.js';
import type { MentoringPairEntity } from '../entities/mentoring-pair.entity.js';
import { MentoringLoader } from '../mentoring.loader.js';
import { isAtRisk } from '../nudges/at-risk.js';
import { CheckIn } from '../types/check-in.type.js';
import { Cohort } from '../types/cohort.type.js';
import { MentoringGoal } from '../types/goal.type.js';
import { MentoringPair } from '../types/pair.type.js';
import { PairParticipantOrAdmin } from './pair-participant.guard.js';
import { type PairWithPeople } from './pairs.repository.js';
import { PairsService } from './pairs.service.js';

@Resolver(() => MentoringPair)
export class PairsResolver {
  constructor(
    private readonly pairs: PairsService,
    private readonly loader: MentoringLoader,
    private readonly users: UsersLoader,
  ) {}

  @Authenticated()
  @Query(() => [MentoringPair], { description: 'Your pairs, as mentor or mentee, newest first (up to 100).' })
  myMentoring(@CurrentViewer() viewer: Viewer): Promise<MentoringPairEntity[]> {
    return this.pairs.mine(viewer);
  }

  @Authenticated()
  @Mutation(() => MentoringPair, { description: 'Either side or an admin ends the pair: COMPLETED or ENDED_EARLY. Both sides are told.' })
  endPair(@Args() args: EndPairArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<MentoringPairEntity> {
    return this.pairs.end({ actor, requestId: ctx.requestId }, args);
  }

  @Authenticated()
  @Mutation(() => Boolean, { description: 'Either side rates the pair; a second submission replaces the first. goodFit: false flags it for admins.' })
  submitPairFeedback(@Args() args: PairFeedbackArgs, @CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.pairs.submitFeedback(viewer, args);
  }

  @PairParticipantOrAdmin()
  @ResolveField(() => Cohort)
  async cohort(@Parent() pair: MentoringPairEntity, @CurrentRequest() ctx: RequestContext): Promise<MentoringCohortEntity> {
    const cohort = await this.loader.cohortById(ctx).load(pair.cohortId);
    if (!cohort) throw new Error(`pair ${pair.id} has no cohort`);
    return cohort;
  }

  @PairParticipantOrAdmin()
  @ResolveField(() => User)
  mentor(@Parent() pair: PairWithPeople, @CurrentRequest() ctx: RequestContext): User | Promise<User> {
    return pair.mentor ?? this.user(ctx, pair.mentorUserId, pair.id);
  }

  @PairParticipantOrAdmin()
  @ResolveField(() => User)
  mentee(@Parent() pair: PairWithPeople, @CurrentRequest() ctx: RequestContext): User | Promise<User> {
    return pair.mentee ?? this.user(ctx, pair.menteeUserId, pair.id);
  }

  @PairParticipantOrAdmin()
  @ResolveField(() => [MentoringGoal])
  goals(@Parent() pair: MentoringPairEntity, @CurrentRequest() ctx: RequestContext): Promise<MentoringGoalEntity[]> {
    return this.loader.goalsByPairId(ctx).load(pair.id);
  }

  @PairParticipantOrAdmin()
  @ResolveField(() => [CheckIn], { description: 'Latest first.' })
  checkIns(@Parent() pair: PairWithPeople, @CurrentRequest() ctx: RequestContext): CheckIn[] | Promise<CheckIn[]> {
    // Read with the pair where the list asked for them (`Cohort.pairs`); else one batch for the request's pairs.
    return pair.checkIns ?? this.loader.checkInsByPairId(ctx).load(pair.id);
  }

  @PairParticipantOrAdmin()
  @ResolveField(() => Boolean, { description: 'Active, with no check-in for 21 days.' })
  atRisk(@Parent() pair: MentoringPairEntity): boolean {
    return isAtRisk(pair, new Date());
  }

  /** Through the users loader, where the pair list did not read the people with the pairs (`Cohort.pairs` does). */
  private user(ctx: RequestContext, userId: string, pairId: string): User | Promise<User> {
    return whenLoaded(ctx.loaders.load(this.users.byId(ctx), userId), (user) => {
      if (!user) throw new Error(`pair ${pairId} has no user ${userId}`);
      return user;
    });
  }
}
