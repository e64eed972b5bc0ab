import { registerEnumType } from '@nestjs/graphql';

export enum BillingInterval {
  YEAR = 'YEAR',
  MONTH = 'MONTH',
  LIFETIME = 'LIFETIME',
}
registerEnumType(BillingInterval, { name: 'BillingInterval' });

export enum MembershipStatus {
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  PENDING_PAYMENT = 'PENDING_PAYMENT',
  ACTIVE = 'ACTIVE',
  GRACE = 'GRACE',
  LAPSED = 'LAPSED',
  CANCELLED = 'CANCELLED',
  DECLINED = 'DECLINED',
}
registerEnumType(MembershipStatus, {
  name: 'MembershipStatus',
  valuesMap: {
    ACTIVE: { description: 'Paid up (or granted) and within the current period.' },
    GRACE: { description: 'The period ended and renewal is due; still in good standing until graceEndsAt.' },
    LAPSED: { description: 'Grace ran out without renewal; no longer in good standing.' },
    CANCELLED: { description: 'Ended on request (at the end of the paid period, or before it began).' },
  },
});

/** The statuses that make a membership "current": a person can hold only one at a time. */
export const CURRENT_STATUSES = [
  MembershipStatus.PENDING_APPROVAL,
  MembershipStatus.PENDING_PAYMENT,
  MembershipStatus.ACTIVE,
  MembershipStatus.GRACE,
] as const;


export enum PeriodSource {
  PAYMENT = 'PAYMENT',
  OFFLINE_PAYMENT = 'OFFLINE_PAYMENT',
  GRANT = 'GRANT',
  IMPORT = 'IMPORT',
  FREE = 'FREE',
}
