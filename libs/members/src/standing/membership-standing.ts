import type { EntityManager } from 'typeorm';

/** Where a person stands with the association, as other features need to know it. */
export interface MembershipStanding {
  userId: string;
  inGoodStanding: boolean;
  /** The tier of the current membership (null: none). */
  tierId: string | null;
  tierName: string | null;
  /** The event discount of the tier, when in good standing and the tier has one (else null). */
  memberDiscountPercent: number | null;
}

/**
 * The members feature's port for "in good standing": one statement for a whole set of people
 * (DataLoader-friendly), joined to the caller's transaction when a manager is given.
 */
export abstract class MembershipStandingPort {
  abstract of(userIds: readonly string[], manager?: EntityManager): Promise<MembershipStanding[]>;
}
