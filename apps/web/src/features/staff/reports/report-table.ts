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
