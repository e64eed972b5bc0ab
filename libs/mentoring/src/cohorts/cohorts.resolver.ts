import { Args, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type GraphQLResolveInfo } from 'graphql';
import { Authenticated, type ConnectionShape, CurrentRequest, CurrentViewer, fieldsAt, rememberedPerField, type RequestContext, RequirePermission, selects, type SelectionInfo, StaffPermission, type Viewer } from '../../../core/src/index.js';
import { userFieldsAsked } from '../../../accounts/src/index.js';
import { MEMBER_USER_FIELDS } from '../../../members/src/index.js';
import { ApplicationsListing } from '../applications/applications-listing.js';
import { CohortApplicationsArgs } from '../args/cohort.args.js';
import { CohortIdArgs, CohortLookupArgs } from '../args/id.args.js';
import type { MentoringApplicationEntity } from '../entities/mentoring-application.entity.js';
import type { MentoringCohortEntity } from '../entities/mentoring-cohort.entity.js';
import type { MentoringProgramEntity } from '../entities/mentoring-program.entity.js';
import { CreateCohortInput, UpdateCohortMatchingInput } from '../inputs/cohort.input.js';
import { MentoringLoader } from '../mentoring.loader.js';
import { checkInFieldsAsked } from '../pairs/check-ins.repository.js';
import { pairsVisibleTo } from '../pairs/pairs-visible-to.js';
import { type PairParts, type PairWithPeople } from '../pairs/pairs.repository.js';
import { CohortReportService } from '../report/cohort-report.service.js';
import { MentoringApplicationConnection } from '../types/application.type.js';
import { CohortReport } from '../types/cohort-report.type.js';
import { Cohort, MatchingSettings, MatchingWeights } from '../types/cohort.type.js';
import { MentoringPair } from '../types/pair.type.js';
import { MentoringProgram } from '../types/program.type.js';
import { CohortsService } from './cohorts.service.js';

/** What a cohort's pairs at `path` read with each pair (the mentor's and mentee's fields asked, unioned). */
function pairPartsAt(info: SelectionInfo, path: readonly string[]): PairParts {
  const mentor = fieldsAt(info, [...path, 'mentor']);
  const mentee = fieldsAt(info, [...path, 'mentee']);
  const people = mentor || mentee ? new Set([...(mentor ?? []), ...(mentee ?? [])]) : undefined;
  const checkIns = fieldsAt(info, [...path, 'checkIns']);
  return {
    people: people !== undefined,
    peopleFields: people && userFieldsAsked(people, MEMBER_USER_FIELDS),
    checkIns: checkIns !== undefined,
    checkInFields: checkIns && checkInFieldsAsked(checkIns),
  };
}
/** What `Cohort.pairs` reads, asked from the field and from `cohort(id)` (which reads them with the cohort): the two agree. Remembered per field node. */
const pairPartsAsked = rememberedPerField((info) => pairPartsAt(info, []));
const pairPartsUnderCohort = rememberedPerField((info) => pairPartsAt(info, ['pairs']));

@Resolver(() => Cohort)
export class CohortsResolver {
  constructor(
    private readonly cohorts: CohortsService,
    private readonly listing: ApplicationsListing,
    private readonly reports: CohortReportService,
    private readonly loader: MentoringLoader,
  ) {}

  @Authenticated()
  @Query(() => Cohort, { nullable: true, description: 'Drafts are visible to admins only.' })
  async cohort(@Args() { id }: CohortLookupArgs, @CurrentViewer() viewer: Viewer, @CurrentRequest() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Cohort | null> {
    if (!selects(info, ['pairs'])) return this.cohorts.findVisible(viewer, id);
    // The pairs the viewer may see, with what they ask, read with the cohort (one statement) and primed for `pairs`.
    const parts = pairPartsUnderCohort(info);
    const found = await this.cohorts.findVisibleWithPairs(viewer, id, parts);
    if (!found) return null;
    this.loader.pairsByCohortId(ctx, pairsVisibleTo(viewer), parts).prime(found.cohort.id, found.pairs);
    return found.cohort;
  }

  @RequirePermission(StaffPermission.MENTORING_COORDINATOR)
  @Mutation(() => Cohort, { description: 'A new cohort, as a draft.' })
  createCohort(@Args('input') input: CreateCohortInput, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<MentoringCohortEntity> {
    return this.cohorts.create({ actor, requestId: ctx.requestId }, input);
  }

  @RequirePermission(StaffPermission.MENTORING_COORDINATOR)
  @Mutation(() => Cohort, { description: 'DRAFT (or MATCHING, to take late applications) → APPLICATIONS_OPEN.' })
  openCohortApplications(@Args() { cohortId }: CohortIdArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<MentoringCohortEntity> {
    return this.cohorts.openApplications({ actor, requestId: ctx.requestId }, cohortId);
  }

  @RequirePermission(StaffPermission.MENTORING_COORDINATOR)
  @Mutation(() => Cohort, { description: 'APPLICATIONS_OPEN → MATCHING.' })
  closeCohortApplications(@Args() { cohortId }: CohortIdArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<MentoringCohortEntity> {
    return this.cohorts.closeApplications({ actor, requestId: ctx.requestId }, cohortId);
  }

  @RequirePermission(StaffPermission.MENTORING_COORDINATOR)
  @Mutation(() => Cohort, { description: 'Changes weights and matching rules until pairs are published.' })
  updateCohortMatching(
    @Args() { cohortId }: CohortIdArgs,
    @Args('input') input: UpdateCohortMatchingInput,
    @CurrentViewer() actor: Viewer,
    @CurrentRequest() ctx: RequestContext,
  ): Promise<MentoringCohortEntity> {
    return this.cohorts.updateMatching({ actor, requestId: ctx.requestId }, cohortId, input);
  }

  @Authenticated()
  @ResolveField(() => MentoringProgram)
  async program(@Parent() cohort: Cohort, @CurrentRequest() ctx: RequestContext): Promise<MentoringProgramEntity> {
    const program = await this.loader.programById(ctx).load(cohort.programId);
    if (!program) throw new Error(`cohort ${cohort.id} has no program`);
    return program;
  }

  @ResolveField(() => MatchingWeights)
  matchingWeights(@Parent() cohort: Cohort): MatchingWeights {
    return {
      topics: cohort.weightTopics,
      goals: cohort.weightGoals,
      experienceGap: cohort.weightExperienceGap,
      timezone: cohort.weightTimezone,
      format: cohort.weightFormat,
    };
  }

  @ResolveField(() => MatchingSettings)
  matchingSettings(@Parent() cohort: Cohort): MatchingSettings {
    return {
      forbidSameEmployer: cohort.forbidSameEmployer,
      minExperienceGapYears: cohort.minExperienceGapYears,
      allowRepeatPairs: cohort.allowRepeatPairs,
    };
  }

  @Authenticated()
  @ResolveField(() => MentoringApplicationConnection, { description: 'MENTORING_COORDINATOR staff see every application; anyone else only their own.' })
  applications(
    @Parent() cohort: Cohort,
    @Args() args: CohortApplicationsArgs,
    @CurrentViewer() viewer: Viewer,
    @CurrentRequest() ctx: RequestContext,
  ): Promise<ConnectionShape<MentoringApplicationEntity>> {
    return this.listing.page(ctx, viewer, cohort.id, args);
  }

  @Authenticated()
  @ResolveField(() => [MentoringPair], { description: 'MENTORING_COORDINATOR staff see every pair; anyone else only the pairs they are in.' })
  pairs(@Parent() cohort: Cohort, @CurrentViewer() viewer: Viewer, @CurrentRequest() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<PairWithPeople[]> {
    const parts = pairPartsAsked(info);
    // Each pair carries the parts asked for: `MentoringPair.mentor`/`mentee`/`checkIns` answer from it.
    return this.loader.pairsByCohortId(ctx, pairsVisibleTo(viewer), parts).load(cohort.id);
  }

  @RequirePermission(StaffPermission.MENTORING_COORDINATOR)
  @ResolveField(() => CohortReport)
  report(@Parent() cohort: Cohort): Promise<CohortReport> {
    return this.reports.build(cohort.id);
  }
}
