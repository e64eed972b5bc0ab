import { Injectable, OnModuleInit } from '@nestjs/common';
import { type ReportDefinition, ReportRegistry, StaffPermission } from '../../../core/src/index.js';
import { MentoringHealthRepository } from './mentoring-health.repository.js';

export const MENTORING_HEALTH: ReportDefinition = {
  name: 'mentoring-health',
  title: 'Mentoring health by cohort',
  unit: 'pairs (checkInsPerPair: check-ins; averageRating: 1 to 5)',
  permissions: [StaffPermission.MENTORING_COORDINATOR],
};

/** Registers the mentoring chart with the report registry (GraphQL and the CSV route run it from there). */
@Injectable()
export class MentoringHealthReport implements OnModuleInit {
  constructor(
    private readonly registry: ReportRegistry,
    private readonly reports: MentoringHealthRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register({ ...MENTORING_HEALTH, points: (range) => this.reports.health(range) });
  }
}
