import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, type ConnectionShape, CurrentRequest, CurrentViewer, OwnerOrPermission, type RequestContext, RequirePermission, StaffPermission, type Viewer } from '../../../core/src/index.js';
import { User, UsersLoader, RequiresVerifiedEmail } from '../../../accounts/src/index.js';
import { MyApplicationsArgs, ReviewApplicationArgs } from '../args/application.args.js';
import { ApplicationIdArgs } from '../args/id.args.js';
import type { MentoringApplicationEntity } from '../entities/mentoring-application.entity.js';
import type { MentoringCohortEntity } from '../entities/mentoring-cohort.entity.js';
import { ApplyToCohortInput } from '../inputs/application.input.js';
import { MentoringLoader } from '../mentoring.loader.js';
import { MentoringApplication, MentoringApplicationConnection } from '../types/application.type.js';
import { ApplicationsListing } from './applications-listing.js';
import { Cohort } from '../types/cohort.type.js';
import { ApplicationsService } from './applications.service.js';

@Resolver(() => MentoringApplication)
export class ApplicationsResolver {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly users: UsersLoader,
    private readonly loader: MentoringLoader,
    private readonly listing: ApplicationsListing,
  ) {}

  @Authenticated()
  @Query(() => MentoringApplicationConnection, { description: 'Your own applications in every cohort (pending, approved, declined, withdrawn), newest first.' })
  myMentoringApplications(@Args() args: MyApplicationsArgs, @CurrentViewer() viewer: Viewer): Promise<ConnectionShape<MentoringApplicationEntity>> {
    return this.listing.mine(viewer, args);
  }

  @Authenticated()
  @RequiresVerifiedEmail()
  @Mutation(() => MentoringApplication, { description: 'Apply as a mentor or a mentee; one application per cohort and role.' })
  applyToCohort(@Args('input') input: ApplyToCohortInput, @CurrentViewer() viewer: Viewer): Promise<MentoringApplicationEntity> {
    return this.applications.apply(viewer, input);
  }

  @Authenticated()
  @Mutation(() => MentoringApplication, { description: 'The applicant only, until pairs are published.' })
  withdrawApplication(@Args() { applicationId }: ApplicationIdArgs, @CurrentViewer() viewer: Viewer): Promise<MentoringApplicationEntity> {
    return this.applications.withdraw(viewer, applicationId);
  }

  @RequirePermission(StaffPermission.MENTORING_COORDINATOR)
  @Mutation(() => MentoringApplication, { description: 'Approve or decline (the decision may change until pairs are published).' })
  reviewApplication(@Args() args: ReviewApplicationArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<MentoringApplicationEntity> {
    return this.applications.review({ actor, requestId: ctx.requestId }, args.applicationId, args.approve, args.reason);
  }

  @OwnerOrPermission<MentoringApplication>((application) => application.userId, StaffPermission.MENTORING_COORDINATOR)
  @ResolveField(() => User)
  async user(@Parent() application: MentoringApplication, @CurrentRequest() ctx: RequestContext): Promise<User> {
    const user = await this.users.byId(ctx).load(application.userId);
    if (!user) throw new Error(`application ${application.id} has no user`);
    return user;
  }

  @OwnerOrPermission<MentoringApplication>((application) => application.userId, StaffPermission.MENTORING_COORDINATOR)
  @ResolveField(() => Cohort)
  async cohort(@Parent() application: MentoringApplication, @CurrentRequest() ctx: RequestContext): Promise<MentoringCohortEntity> {
    const cohort = await this.loader.cohortById(ctx).load(application.cohortId);
    if (!cohort) throw new Error(`application ${application.id} has no cohort`);
    return cohort;
  }
}
