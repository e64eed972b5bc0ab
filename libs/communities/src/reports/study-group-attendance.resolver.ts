import { Args, Query, Resolver } from '@nestjs/graphql';
import { Report, ReportArgs, ReportRegistry, RequirePermission } from '../../../core/src/index.js';
import { STUDY_GROUP_ATTENDANCE } from './study-group-attendance.report.js';

@Resolver()
export class StudyGroupAttendanceResolver {
  constructor(private readonly registry: ReportRegistry) {}

  @RequirePermission(...STUDY_GROUP_ATTENDANCE.permissions)
  @Query(() => Report, { description: 'COMMUNITY_MANAGER staff: per month (UTC), study-group meetings with attendance recorded, people present and the attendance rate.' })
  studyGroupAttendanceReport(@Args() range: ReportArgs): Promise<Report> {
    return this.registry.run(STUDY_GROUP_ATTENDANCE.name, range);
  }
}
