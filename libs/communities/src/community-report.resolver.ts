import { Query, Resolver } from '@nestjs/graphql';
import { AdminOnly } from '../../core/src/index.js';
import { CommunityReportService } from './community-report.service.js';
import { CommunityReport } from './types/community-report.type.js';

@Resolver(() => CommunityReport)
export class CommunityReportResolver {
  constructor(private readonly reports: CommunityReportService) {}

  @AdminOnly()
  @Query(() => CommunityReport, { description: 'Admins: active groups, attendance rate, goal progress and average feedback.' })
  communityReport(): Promise<CommunityReport> {
    return this.reports.report();
  }
}
