import { Injectable, OnModuleInit } from '@nestjs/common';
import { type ReportDefinition, ReportRegistry, StaffPermission } from '../../../core/src/index.js';
import { MembersReportsRepository } from './members-reports.repository.js';

export const MEMBERS_BY_STATUS: ReportDefinition = {
  name: 'members-by-status',
  title: 'Members by status over time',
  unit: 'memberships',
  permissions: [StaffPermission.MEMBERSHIP_MANAGER],
};

export const JOINS_AND_LAPSES: ReportDefinition = {
  name: 'joins-and-lapses',
  title: 'Joins and lapses per month',
  unit: 'memberships',
  permissions: [StaffPermission.MEMBERSHIP_MANAGER],
};

/** Registers the members reports with the registry (GraphQL and CSV both run them from there). */
@Injectable()
export class MembersReports implements OnModuleInit {
  constructor(
    private readonly registry: ReportRegistry,
    private readonly reports: MembersReportsRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register({ ...MEMBERS_BY_STATUS, points: (range) => this.reports.membersByStatus(range) });
    this.registry.register({ ...JOINS_AND_LAPSES, points: (range) => this.reports.joinsAndLapses(range) });
  }
}
