import { Args, Query, Resolver } from '@nestjs/graphql';
import { Report, ReportArgs, ReportRegistry, RequirePermission } from '../../../core/src/index.js';
import { CREDITS_ISSUED, EVENT_ATTENDANCE } from './events-reports.js';

@Resolver()
export class EventsReportsResolver {
  constructor(private readonly registry: ReportRegistry) {}

  @RequirePermission(...EVENT_ATTENDANCE.permissions)
  @Query(() => Report, { description: 'EVENT_MANAGER staff: per month of event start (UTC), confirmed registrations, those who came, and the no-show rate of events begun.' })
  eventAttendanceReport(@Args() range: ReportArgs): Promise<Report> {
    return this.registry.run(EVENT_ATTENDANCE.name, range);
  }

  @RequirePermission(...CREDITS_ISSUED.permissions)
  @Query(() => Report, { description: 'EVENT_MANAGER staff: CE credits earned at events per month of the session (UTC), one series per category.' })
  creditsIssuedReport(@Args() range: ReportArgs): Promise<Report> {
    return this.registry.run(CREDITS_ISSUED.name, range);
  }
}
