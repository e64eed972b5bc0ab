import { Args, Query, Resolver } from '@nestjs/graphql';
import { Report, ReportArgs, ReportRegistry, RequirePermission } from '../../../core/src/index.js';
import { JOINS_AND_LAPSES, MEMBERS_BY_STATUS } from './members-reports.js';

@Resolver()
export class MembersReportsResolver {
  constructor(private readonly registry: ReportRegistry) {}

  @RequirePermission(...MEMBERS_BY_STATUS.permissions)
  @Query(() => Report, { description: 'MEMBERSHIP_MANAGER staff: memberships in each status at the end of each month (UTC).' })
  membersByStatusReport(@Args() range: ReportArgs): Promise<Report> {
    return this.registry.run(MEMBERS_BY_STATUS.name, range);
  }

  @RequirePermission(...JOINS_AND_LAPSES.permissions)
  @Query(() => Report, { description: 'MEMBERSHIP_MANAGER staff: joins (memberships whose first period started) and lapses per month (UTC).' })
  joinsAndLapsesReport(@Args() range: ReportArgs): Promise<Report> {
    return this.registry.run(JOINS_AND_LAPSES.name, range);
  }
}
