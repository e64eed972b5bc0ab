import { Query, Resolver } from '@nestjs/graphql';
import { RequirePermission, StaffPermission } from '../../core/src/index.js';
import { CommunityReportService } from './community-report.service.js';
import { CommunityReport } from './types/community-report.type.js';

@Resolver(() => CommunityReport)
export class CommunityReportResolver {
  constructor(private readonly reports: CommunityReportService) {}

  @RequirePermission(StaffPermission.COMMUNITY_MANAGER)
  @Query(() => CommunityReport, { description: 'COMMUNITY_MANAGER staff: active groups, attendance rate, goal progress and average feedback.' })
  communityReport(): Promise<CommunityReport> {
    return this.reports.report();
  }
}
