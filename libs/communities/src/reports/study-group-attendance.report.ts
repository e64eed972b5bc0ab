import { Injectable, OnModuleInit } from '@nestjs/common';
import { type ReportDefinition, ReportRegistry, StaffPermission } from '../../../core/src/index.js';
import { StudyGroupAttendanceRepository } from './study-group-attendance.repository.js';

export const STUDY_GROUP_ATTENDANCE: ReportDefinition = {
  name: 'study-group-attendance',
  title: 'Study-group attendance per month',
  unit: 'meetings and people (attendanceRate: a share from 0 to 1)',
  permissions: [StaffPermission.COMMUNITY_MANAGER],
};

/** Registers the study-group chart with the report registry (GraphQL and the CSV route run it from there). */
@Injectable()
export class StudyGroupAttendanceReport implements OnModuleInit {
  constructor(
    private readonly registry: ReportRegistry,
    private readonly reports: StudyGroupAttendanceRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register({ ...STUDY_GROUP_ATTENDANCE, points: (range) => this.reports.attendance(range) });
  }
}
