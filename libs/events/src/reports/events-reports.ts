import { Injectable, OnModuleInit } from '@nestjs/common';
import { type ReportDefinition, ReportRegistry, StaffPermission } from '../../../core/src/index.js';
import { EventsReportsRepository } from './events-reports.repository.js';

export const EVENT_ATTENDANCE: ReportDefinition = {
  name: 'event-attendance',
  title: 'Event attendance and no-show rate',
  unit: 'registrations (noShowRate: a share from 0 to 1)',
  permissions: [StaffPermission.EVENT_MANAGER],
};

export const CREDITS_ISSUED: ReportDefinition = {
  name: 'credits-issued',
  title: 'CE credits earned at events per month and category',
  unit: 'credits',
  permissions: [StaffPermission.EVENT_MANAGER],
};

/** Registers the events reports with the registry (GraphQL and the CSV route run them from there). */
@Injectable()
export class EventsReports implements OnModuleInit {
  constructor(
    private readonly registry: ReportRegistry,
    private readonly reports: EventsReportsRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register({ ...EVENT_ATTENDANCE, points: (range) => this.reports.attendance(range) });
    this.registry.register({ ...CREDITS_ISSUED, points: (range) => this.reports.creditsIssued(range) });
  }
}
