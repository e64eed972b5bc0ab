import { describe, expect, it } from '@jest/globals';
import { BillingInterval } from './membership.enums.js';
import { periodEnd } from './membership-period.js';

describe('periodEnd', () => {
  it('adds a calendar year or month in UTC, clamping to the month end', () => {
    expect(periodEnd(new Date('2026-01-31T10:00:00Z'), BillingInterval.MONTH)!.toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(periodEnd(new Date('2028-01-31T10:00:00Z'), BillingInterval.MONTH)!.toISOString()).toBe('2028-02-29T10:00:00.000Z');
    expect(periodEnd(new Date('2028-02-29T00:00:00Z'), BillingInterval.YEAR)!.toISOString()).toBe('2029-02-28T00:00:00.000Z');
  });

  it('has no end for lifetime tiers', () => {
    expect(periodEnd(new Date(), BillingInterval.LIFETIME)).toBeNull();
  });
});
