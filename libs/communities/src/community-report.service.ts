import { Injectable } from '@nestjs/common';
import { CommunityReportRepository } from './community-report.repository.js';
import { CommunityReport } from './types/community-report.type.js';

@Injectable()
export class CommunityReportService {
  constructor(private readonly reports: CommunityReportRepository) {}

  report(now = new Date()): Promise<CommunityReport> {
    return this.reports.report(now);
  }
}
