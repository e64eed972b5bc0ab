import { Injectable, OnModuleInit } from '@nestjs/common';
import { type ReportDefinition, ReportRegistry, StaffPermission } from '../../../core/src/index.js';
import { DuesReportService } from './dues-report.service.js';

export const DUES_COLLECTED: ReportDefinition = {
  name: 'dues-collected',
  title: 'Dues collected per month by tier',
  unit: 'minor units',
  permissions: [StaffPermission.FINANCE],
};

/** Registers the dues chart with the report registry (GraphQL and the CSV route run it from there). */
@Injectable()
export class DuesCollectedReport implements OnModuleInit {
  constructor(
    private readonly registry: ReportRegistry,
    private readonly dues: DuesReportService,
  ) {}

  onModuleInit(): void {
    this.registry.register({ ...DUES_COLLECTED, points: (range) => this.dues.collectedPoints(range) });
  }
}
