import type { BillingInterval, MembershipStatus } from './membership.enums.js';

/** A membership as other features see it (they change it only through members' services). */
export interface MembershipRecord {
  id: string;
  userId: string;
  tierId: string;
  status: MembershipStatus;
  startedAt: Date | null;
  /** Null with an ACTIVE status means lifetime. */
  currentPeriodEnd: Date | null;
  graceEndsAt: Date | null;
  autoRenew: boolean;
  complimentary: boolean;
  cancelledAt: Date | null;
  declineReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A membership tier as other features see it. */
export interface TierRecord {
  id: string;
  name: string;
  description: string | null;
  priceAmount: number;
  priceCurrency: string;
  billingInterval: BillingInterval;
  requiresApproval: boolean;
  gracePeriodDays: number;
  eventDiscountPercent: number;
  active: boolean;
  sortOrder: number;
  createdAt: Date;
  updatedAt: Date;
}
