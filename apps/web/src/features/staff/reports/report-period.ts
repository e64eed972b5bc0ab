/** The periods the reports page offers: whole UTC months ending with the current one. */
export const REPORT_PERIODS = ['last6Months', 'last12Months', 'last24Months', 'thisYear'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

export interface ReportRange {
  /** First instant (inclusive), ISO. */
  from: string;
  /** Last instant (exclusive), ISO: the start of next month. */
  to: string;
}

const MONTHS: Record<Exclude<ReportPeriod, 'thisYear'>, number> = { last6Months: 6, last12Months: 12, last24Months: 24 };

/** The range a period covers at `now`, in UTC months as the API counts them. */
export function reportRange(period: ReportPeriod, now: Date = new Date()): ReportRange {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const to = new Date(Date.UTC(year, month + 1, 1));
  const from = period === 'thisYear' ? new Date(Date.UTC(year, 0, 1)) : new Date(Date.UTC(year, month + 1 - MONTHS[period], 1));
  return { from: from.toISOString(), to: to.toISOString() };
}

export const isReportPeriod = (value: string | null): value is ReportPeriod => REPORT_PERIODS.includes(value as ReportPeriod);
