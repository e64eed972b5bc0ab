import { BillingInterval, MembershipStatus, periodEnd } from '../../../members/src/index.js';
import type { ServicePeriod } from '../sync/dues-facts.js';

/**
 * The period a one-time dues payment buys: it continues a running period (renewing early loses no
 * days), otherwise it starts when the money arrived. Lifetime tiers have no end.
 */
export function oneTimePeriod(
  membership: { status: MembershipStatus; currentPeriodEnd: Date | null },
  interval: BillingInterval,
  paidAt: Date,
): ServicePeriod {
  const running =
    (membership.status === MembershipStatus.ACTIVE || membership.status === MembershipStatus.GRACE) &&
    membership.currentPeriodEnd !== null &&
    membership.currentPeriodEnd > paidAt;
  const startsAt = running ? membership.currentPeriodEnd! : paidAt;
  return { startsAt, endsAt: periodEnd(startsAt, interval) };
}
