import { MembershipStatus } from '../membership.enums.js';

/** What the rule looks at: a person's current membership (or none). */
export interface StandingFacts {
  status: MembershipStatus;
  graceEndsAt: Date | null;
}

/**
 * The one rule for "a member in good standing": an ACTIVE membership, or one in GRACE whose grace has
 * not run out yet. The clock is checked as well as the status because the lifecycle job that moves
 * GRACE to LAPSED runs every 15 minutes: a person whose grace ended at noon is not a member at 12:10.
 * (An ACTIVE membership past its period end still counts: it is due for GRACE, not out.)
 */
export function isInGoodStanding(membership: StandingFacts | null | undefined, now: Date): boolean {
  if (!membership) return false;
  if (membership.status === MembershipStatus.ACTIVE) return true;
  if (membership.status === MembershipStatus.GRACE) return membership.graceEndsAt === null || membership.graceEndsAt.getTime() > now.getTime();
  return false;
}

/** The same rule as a SQL predicate over a `memberships` row aliased `alias` (for the directory's search). */
export function goodStandingSql(alias: string): string {
  return `(${alias}.status = '${MembershipStatus.ACTIVE}' OR (${alias}.status = '${MembershipStatus.GRACE}' AND (${alias}.grace_ends_at IS NULL OR ${alias}.grace_ends_at > now())))`;
}
