import { describe, expect, it } from '@jest/globals';
import { parseDay, pdfUrl, periodBounds, periodFromSearch } from './transcript-period.js';

describe('transcript period', () => {
  it('keeps real calendar days and drops anything else', () => {
    expect(parseDay('2026-02-28')).toBe('2026-02-28');
    expect(parseDay('2026-02-30')).toBeNull();
    expect(parseDay('2026-2-3')).toBeNull();
    expect(parseDay('yesterday')).toBeNull();
    expect(parseDay(null)).toBeNull();
    expect(periodFromSearch(new URLSearchParams('from=2026-01-01&to=nope'))).toEqual({ from: '2026-01-01', to: null });
  });

  it('turns the days into the API\'s bounds: the start of `from`, the midnight after `to`', () => {
    const bounds = periodBounds({ from: '2026-01-01', to: '2026-03-31' });
    expect(bounds.from).toBe(new Date(2026, 0, 1).toISOString());
    expect(bounds.to).toBe(new Date(2026, 3, 1).toISOString());
    expect(periodBounds({ from: null, to: null })).toEqual({ from: null, to: null });
  });

  it('carries the same bounds to the PDF', () => {
    expect(pdfUrl({ from: null, to: null })).toBe('/transcript.pdf');
    const url = new URL(pdfUrl({ from: '2026-01-01', to: null }), 'http://x');
    expect(url.pathname).toBe('/transcript.pdf');
    expect(url.searchParams.get('from')).toBe(new Date(2026, 0, 1).toISOString());
    expect(url.searchParams.has('to')).toBe(false);
  });
});
