import { describe, expect, it } from '@jest/globals';
import { MembershipStatus } from '../membership.enums.js';
import { isInGoodStanding } from './good-standing.rule.js';

const now = new Date('2026-06-01T12:00:00Z');
const at = (iso: string) => new Date(iso);

describe('isInGoodStanding', () => {
  it('is false without a membership', () => {
    expect(isInGoodStanding(null, now)).toBe(false);
    expect(isInGoodStanding(undefined, now)).toBe(false);
  });

  it('is true for ACTIVE', () => {
    expect(isInGoodStanding({ status: MembershipStatus.ACTIVE, graceEndsAt: null }, now)).toBe(true);
  });

  it('is true in GRACE until grace ends, false from then on (the lapse job may not have run yet)', () => {
    expect(isInGoodStanding({ status: MembershipStatus.GRACE, graceEndsAt: at('2026-06-01T12:00:01Z') }, now)).toBe(true);
    expect(isInGoodStanding({ status: MembershipStatus.GRACE, graceEndsAt: at('2026-06-01T12:00:00Z') }, now)).toBe(false);
    expect(isInGoodStanding({ status: MembershipStatus.GRACE, graceEndsAt: at('2026-05-31T00:00:00Z') }, now)).toBe(false);
    expect(isInGoodStanding({ status: MembershipStatus.GRACE, graceEndsAt: null }, now)).toBe(true);
  });

  it.each([MembershipStatus.PENDING_APPROVAL, MembershipStatus.PENDING_PAYMENT, MembershipStatus.LAPSED, MembershipStatus.CANCELLED, MembershipStatus.DECLINED])(
    'is false for %s',
    (status) => {
      expect(isInGoodStanding({ status, graceEndsAt: at('2027-01-01T00:00:00Z') }, now)).toBe(false);
    },
  );
});
