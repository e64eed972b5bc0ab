import type { BillingInterval, MembershipStatus } from './membership.generated.js';

export const STATUS_KEY = {
  ACTIVE: 'membership.status.ACTIVE',
  GRACE: 'membership.status.GRACE',
  LAPSED: 'membership.status.LAPSED',
  CANCELLED: 'membership.status.CANCELLED',
  DECLINED: 'membership.status.DECLINED',
  PENDING_APPROVAL: 'membership.status.PENDING_APPROVAL',
  PENDING_PAYMENT: 'membership.status.PENDING_PAYMENT',
} as const satisfies Record<MembershipStatus, string>;

export const STATUS_COLOR: Record<MembershipStatus, string> = {
  ACTIVE: 'green',
  GRACE: 'yellow',
  LAPSED: 'red',
  CANCELLED: 'gray',
  DECLINED: 'red',
  PENDING_APPROVAL: 'blue',
  PENDING_PAYMENT: 'orange',
};

export const PRICE_KEY = {
  MONTH: 'membership.pricePerMonth',
  YEAR: 'membership.pricePerYear',
  LIFETIME: 'membership.priceOnce',
} as const satisfies Record<BillingInterval, string>;

/** Statuses after which a person may apply again (no current membership). */
export const ENDED: ReadonlySet<MembershipStatus> = new Set(['CANCELLED', 'DECLINED', 'LAPSED']);

/** In good standing: renewals, auto-renew and tier changes apply. */
export const IN_GOOD_STANDING: ReadonlySet<MembershipStatus> = new Set(['ACTIVE', 'GRACE']);
