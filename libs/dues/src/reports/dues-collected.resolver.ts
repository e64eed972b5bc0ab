import { Args, Query, Resolver } from '@nestjs/graphql';
import { Report, ReportArgs, ReportRegistry, RequirePermission } from '../../../core/src/index.js';
import { DUES_COLLECTED } from './dues-collected.report.js';

@Resolver()
export class DuesCollectedResolver {
  constructor(private readonly registry: ReportRegistry) {}

  @RequirePermission(...DUES_COLLECTED.permissions)
  @Query(() => Report, { description: 'FINANCE staff: dues collected (minor units, before refunds) per month (UTC), one series per tier and currency.' })
  duesCollectedReport(@Args() range: ReportArgs): Promise<Report> {
    return this.registry.run(DUES_COLLECTED.name, range);
  }
}
