import { describe, expect, it } from '@jest/globals';
import { toReportTable } from './report-table.js';

describe('toReportTable', () => {
  it('puts periods down and series across, filling a missing value with 0', () => {
    const table = toReportTable([
      { period: '2026-01', series: 'joins', value: 3 },
      { period: '2026-01', series: 'lapses', value: 1 },
      { period: '2026-02', series: 'lapses', value: 2 },
    ]);
    expect(table.series).toEqual(['joins', 'lapses']);
    expect(table.rows).toEqual([
      { period: '2026-01', values: { joins: 3, lapses: 1 } },
      { period: '2026-02', values: { joins: 0, lapses: 2 } },
    ]);
  });

  it('is empty for no points', () => {
    expect(toReportTable([])).toEqual({ series: [], rows: [] });
  });
});
