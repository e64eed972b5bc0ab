import { describe, expect, it } from '@jest/globals';
import { isReportPeriod, reportRange } from './report-period.js';

describe('reportRange', () => {
  const now = new Date('2026-03-15T10:00:00Z');

  it('covers whole UTC months up to the end of the current one', () => {
    expect(reportRange('last12Months', now)).toEqual({ from: '2025-04-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' });
    expect(reportRange('last6Months', now)).toEqual({ from: '2025-10-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' });
    expect(reportRange('last24Months', now)).toEqual({ from: '2024-04-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' });
  });

  it('starts this year on the first of January and crosses a year end in December', () => {
    expect(reportRange('thisYear', now)).toEqual({ from: '2026-01-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' });
    expect(reportRange('thisYear', new Date('2026-12-31T23:59:59Z'))).toEqual({ from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
  });

  it('knows its periods', () => {
    expect(isReportPeriod('last6Months')).toBe(true);
    expect(isReportPeriod('forever')).toBe(false);
    expect(isReportPeriod(null)).toBe(false);
  });
});
