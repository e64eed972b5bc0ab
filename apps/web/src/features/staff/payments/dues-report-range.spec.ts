import { describe, expect, it } from '@jest/globals';
import { duesReportRange } from './dues-report-range.js';

const NOW = new Date('2026-12-06T08:00:00.000Z');

describe('dues report range', () => {
  it('defaults to the year so far, today included (UTC days)', () => {
    expect(duesReportRange(null, null, NOW)).toEqual({ fromDay: '2026-01-01', untilDay: '2026-12-06', from: '2026-01-01T00:00:00.000Z', to: '2026-12-07T00:00:00.000Z' });
  });

  it('takes the days in the address, the last one included', () => {
    expect(duesReportRange('2025-02-01', '2025-02-28', NOW)).toMatchObject({ from: '2025-02-01T00:00:00.000Z', to: '2025-03-01T00:00:00.000Z' });
  });

  it('falls back for an until before from, a span over five years, or days that are not days', () => {
    const fallback = { fromDay: '2026-01-01', untilDay: '2026-12-06' };
    expect(duesReportRange('2026-05-02', '2026-05-01', NOW)).toMatchObject(fallback);
    expect(duesReportRange('2010-01-01', '2026-01-01', NOW)).toMatchObject(fallback);
    expect(duesReportRange('soon', '2026-13-45', NOW)).toMatchObject(fallback);
  });
});
