import { Injectable } from '@nestjs/common';
import { badInput } from '../errors/app-error.js';
import type { StaffPermission } from '../auth/staff-permission.js';
import type { Report, ReportPoint } from './report.type.js';

const FIVE_YEARS_MS = 5 * 366 * 24 * 3_600_000;

export interface ReportRange {
  from: Date;
  to: Date;
}

/** What a feature tells about one of its reports; the resolver's guard and the CSV route both read `permissions`. */
export interface ReportDefinition {
  name: string;
  title: string;
  unit: string;
  /** Staff who may read it (ADMIN always may). */
  permissions: [StaffPermission, ...StaffPermission[]];
}

export interface RegisteredReport extends ReportDefinition {
  /** Computed in SQL; points ordered by period, then series. */
  points(range: ReportRange): Promise<ReportPoint[]>;
}

/** A range a report accepts: `to` after `from`, at most five years. Errors name the argument. */
export function checkReportRange(range: ReportRange): void {
  if (range.to <= range.from) throw badInput('to', 'must be after from');
  if (range.to.getTime() - range.from.getTime() > FIVE_YEARS_MS) throw badInput('to', 'must be at most 5 years after from');
}

/**
 * Feature modules register their reports here during `onModuleInit`; GraphQL resolvers and the one
 * CSV route (`/admin/reports/<name>.csv`) run them through `run`, so both give the same numbers.
 */
@Injectable()
export class ReportRegistry {
  private readonly reports = new Map<string, RegisteredReport>();

  register(report: RegisteredReport): void {
    if (this.reports.has(report.name)) throw new Error(`Report "${report.name}" registered twice`);
    this.reports.set(report.name, report);
  }

  find(name: string): RegisteredReport | undefined {
    return this.reports.get(name);
  }

  async run(name: string, range: ReportRange): Promise<Report> {
    const report = this.reports.get(name);
    if (!report) throw new Error(`Report "${name}" is not registered`);
    checkReportRange(range);
    return { name: report.name, title: report.title, unit: report.unit, from: range.from, to: range.to, points: await report.points(range) };
  }
}
