import { describe, expect, it } from '@jest/globals';
import { splitRates, toReportTable } from './report-table.js';

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

describe('splitRates', () => {
  it('gives rates (shares from 0 to 1) a table of their own, apart from the counts', () => {
    const table = toReportTable([
      { period: '2026-01', series: 'confirmed', value: 120 },
      { period: '2026-01', series: 'attended', value: 96 },
      { period: '2026-01', series: 'noShowRate', value: 0.2 },
    ]);
    const { counts, rates } = splitRates(table);
    expect(counts).toEqual({ series: ['confirmed', 'attended'], rows: [{ period: '2026-01', values: { confirmed: 120, attended: 96 } }] });
    expect(rates).toEqual({ series: ['noShowRate'], rows: [{ period: '2026-01', values: { noShowRate: 0.2 } }] });
  });

  it('leaves a report without rates as it is', () => {
    const table = toReportTable([{ period: '2026-01', series: 'joins', value: 3 }]);
    expect(splitRates(table)).toEqual({ counts: table, rates: { series: [], rows: [] } });
  });
});
