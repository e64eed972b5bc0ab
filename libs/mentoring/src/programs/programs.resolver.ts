import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentRequest, CurrentViewer, type RequestContext, RequirePermission, StaffPermission, type Viewer, viewerHasPermission } from '../../../core/src/index.js';
import type { MentoringCohortEntity } from '../entities/mentoring-cohort.entity.js';
import type { MentoringProgramEntity } from '../entities/mentoring-program.entity.js';
import { CreateMentoringProgramInput } from '../inputs/program.input.js';
import { CohortStatus } from '../mentoring.enums.js';
import { MentoringLoader } from '../mentoring.loader.js';
import { Cohort } from '../types/cohort.type.js';
import { MentoringProgram } from '../types/program.type.js';
import { ProgramsService } from './programs.service.js';

@Resolver(() => MentoringProgram)
export class ProgramsResolver {
  constructor(
    private readonly programs: ProgramsService,
    private readonly loader: MentoringLoader,
  ) {}

  @Authenticated()
  @Query(() => [MentoringProgram], { description: 'Every mentoring program, by name.' })
  mentoringPrograms(): Promise<MentoringProgramEntity[]> {
    return this.programs.list();
  }

  @RequirePermission(StaffPermission.MENTORING_COORDINATOR)
  @Mutation(() => MentoringProgram)
  createMentoringProgram(
    @Args('input') input: CreateMentoringProgramInput,
    @CurrentViewer() actor: Viewer,
    @CurrentRequest() ctx: RequestContext,
  ): Promise<MentoringProgramEntity> {
    return this.programs.create({ actor, requestId: ctx.requestId }, input);
  }

  @Authenticated()
  @ResolveField(() => [Cohort], { description: 'Latest start first; drafts are shown to admins only.' })
  async cohorts(@Parent() program: MentoringProgramEntity, @CurrentViewer() viewer: Viewer, @CurrentRequest() ctx: RequestContext): Promise<MentoringCohortEntity[]> {
    const cohorts = await this.loader.cohortsByProgramId(ctx).load(program.id);
    return viewerHasPermission(viewer, StaffPermission.MENTORING_COORDINATOR) ? cohorts : cohorts.filter((c) => c.status !== CohortStatus.DRAFT);
  }
}
