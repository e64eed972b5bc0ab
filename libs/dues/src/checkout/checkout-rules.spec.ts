import { describe, expect, it } from '@jest/globals';
import { AppError } from '../../../core/src/index.js';
import { BillingInterval, MembershipStatus } from '../../../members/src/index.js';
import { CheckoutMode } from '../entities/checkout-session.entity.js';
import { decideCheckout, type CheckoutSituation } from './checkout-rules.js';

const now = new Date('2027-03-01T00:00:00Z');
const base: CheckoutSituation = { status: MembershipStatus.PENDING_PAYMENT, currentPeriodEnd: null, interval: BillingInterval.YEAR, autoRenew: true, liveSubscription: null, now };

function refusal(s: CheckoutSituation): { code: string; reason?: string; field?: string } {
  try {
    decideCheckout(s);
  } catch (error) {
    const e = error as AppError;
    return { code: e.code, reason: e.options.reason, field: e.options.fields?.[0]?.path };
  }
  throw new Error('expected a refusal');
}

describe('decideCheckout', () => {
  it('first payment: a subscription or a one-time payment; lifetime tiers always one-time', () => {
    expect(decideCheckout(base)).toEqual({ mode: CheckoutMode.SUBSCRIPTION, periodLabel: 'first' });
    expect(decideCheckout({ ...base, autoRenew: false })).toEqual({ mode: CheckoutMode.PAYMENT, periodLabel: 'first' });
    expect(decideCheckout({ ...base, interval: BillingInterval.LIFETIME })).toEqual({ mode: CheckoutMode.PAYMENT, periodLabel: 'first' });
  });

  it('renew now while a period runs: one-time only, labelled by the period it renews', () => {
    const running = { ...base, status: MembershipStatus.ACTIVE, currentPeriodEnd: new Date('2027-06-01T00:00:00Z') };
    expect(decideCheckout({ ...running, autoRenew: false })).toEqual({ mode: CheckoutMode.PAYMENT, periodLabel: `renew-${Date.parse('2027-06-01T00:00:00Z') / 1000}` });
    expect(refusal(running)).toEqual({ code: 'BAD_USER_INPUT', reason: undefined, field: 'autoRenew' });
  });

  it('in grace (the period ended) a new subscription may start', () => {
    const grace = { ...base, status: MembershipStatus.GRACE, currentPeriodEnd: new Date('2027-02-01T00:00:00Z') };
    expect(decideCheckout(grace).mode).toBe(CheckoutMode.SUBSCRIPTION);
  });

  it('refuses when it renews automatically, is paid for life, or is not payable', () => {
    const active = { ...base, status: MembershipStatus.ACTIVE, currentPeriodEnd: new Date('2027-06-01T00:00:00Z'), autoRenew: false };
    expect(refusal({ ...active, liveSubscription: { cancelAtPeriodEnd: false } }).reason).toBe('AUTO_RENEWING');
    expect(decideCheckout({ ...active, liveSubscription: { cancelAtPeriodEnd: true } }).mode).toBe(CheckoutMode.PAYMENT);
    expect(refusal({ ...active, liveSubscription: { cancelAtPeriodEnd: true }, autoRenew: true }).field).toBe('autoRenew');
    expect(refusal({ ...active, currentPeriodEnd: null }).reason).toBe('NOTHING_TO_PAY');
    for (const status of [MembershipStatus.PENDING_APPROVAL, MembershipStatus.LAPSED, MembershipStatus.CANCELLED, MembershipStatus.DECLINED]) {
      expect(refusal({ ...base, status }).reason).toBe('WRONG_MEMBERSHIP_STATUS');
    }
  });
});
