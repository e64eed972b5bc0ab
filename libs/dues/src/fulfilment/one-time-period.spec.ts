import { describe, expect, it } from '@jest/globals';
import { BillingInterval, MembershipStatus } from '../../../members/src/index.js';
import { oneTimePeriod } from './one-time-period.js';

describe('oneTimePeriod', () => {
  const paidAt = new Date('2027-01-10T12:00:00Z');

  it('continues a running period, so paying early loses no days', () => {
    const end = new Date('2027-03-01T00:00:00Z');
    expect(oneTimePeriod({ status: MembershipStatus.ACTIVE, currentPeriodEnd: end }, BillingInterval.YEAR, paidAt)).toEqual({ startsAt: end, endsAt: new Date('2028-03-01T00:00:00Z') });
  });

  it('starts when paid otherwise (first payment, or a period that already ended)', () => {
    expect(oneTimePeriod({ status: MembershipStatus.PENDING_PAYMENT, currentPeriodEnd: null }, BillingInterval.MONTH, paidAt)).toEqual({ startsAt: paidAt, endsAt: new Date('2027-02-10T12:00:00Z') });
    expect(oneTimePeriod({ status: MembershipStatus.GRACE, currentPeriodEnd: new Date('2027-01-01T00:00:00Z') }, BillingInterval.YEAR, paidAt).startsAt).toEqual(paidAt);
  });

  it('has no end for lifetime tiers', () => {
    expect(oneTimePeriod({ status: MembershipStatus.PENDING_PAYMENT, currentPeriodEnd: null }, BillingInterval.LIFETIME, paidAt).endsAt).toBeNull();
  });
});
