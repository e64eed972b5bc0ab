import { Args, Query, Resolver } from '@nestjs/graphql';
import { Report, ReportArgs, ReportRegistry, RequirePermission } from '../../../core/src/index.js';
import { MENTORING_HEALTH } from './mentoring-health.report.js';

@Resolver()
export class MentoringHealthResolver {
  constructor(private readonly registry: ReportRegistry) {}

  @RequirePermission(...MENTORING_HEALTH.permissions)
  @Query(() => Report, { description: 'MENTORING_COORDINATOR staff: per cohort starting in the range, pairs by status, confirmed check-ins per pair and the average rating.' })
  mentoringHealthReport(@Args() range: ReportArgs): Promise<Report> {
    return this.registry.run(MENTORING_HEALTH.name, range);
  }
}
