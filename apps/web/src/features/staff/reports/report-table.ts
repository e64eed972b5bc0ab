export interface ReportPointValue {
  period: string;
  series: string;
  value: number;
}

export interface ReportTable {
  /** Series in the order they first appear. */
  series: string[];
  /** One row per period, in the API's order, with a value (0 when absent) for every series. */
  rows: Array<{ period: string; values: Record<string, number> }>;
}

/** Pivots a report's points (period, series, value) into a table: periods down, series across. */
export function toReportTable(points: readonly ReportPointValue[]): ReportTable {
  const series: string[] = [];
  const byPeriod = new Map<string, Record<string, number>>();
  for (const point of points) {
    if (!series.includes(point.series)) series.push(point.series);
    const values = byPeriod.get(point.period) ?? {};
    values[point.series] = (values[point.series] ?? 0) + point.value;
    byPeriod.set(point.period, values);
  }
  const rows = [...byPeriod].map(([period, values]) => ({
    period,
    values: Object.fromEntries(series.map((name) => [name, values[name] ?? 0])),
  }));
  return { series, rows };
}

/** Series that are shares from 0 to 1 (by the API's naming: `noShowRate`, `attendanceRate`), not counts. */
export const isRateSeries = (name: string): boolean => /Rate$/.test(name);

/**
 * Counts and rates apart: a share of 0.2 drawn on the same axis as 150 registrations is a flat line,
 * so each gets its own chart (and axis). Either part may have no series.
 */
export function splitRates(table: ReportTable): { counts: ReportTable; rates: ReportTable } {
  const part = (keep: (name: string) => boolean): ReportTable => {
    const series = table.series.filter(keep);
    return { series, rows: series.length ? table.rows.map((row) => ({ period: row.period, values: Object.fromEntries(series.map((name) => [name, row.values[name] ?? 0])) })) : [] };
  };
  return { counts: part((name) => !isRateSeries(name)), rates: part(isRateSeries) };
}
