import type { DomainEventType } from '../../core/src/index.js';
import { MembershipStatus } from './membership.enums.js';

/** The domain event a status change makes, if any: activation (not a renewal out of grace), lapse, cancellation. */
export function membershipEventFor(from: MembershipStatus | string | null, to: MembershipStatus | string): DomainEventType | null {
  if (to === MembershipStatus.ACTIVE) return from === MembershipStatus.ACTIVE || from === MembershipStatus.GRACE ? null : 'membership.activated';
  if (to === MembershipStatus.LAPSED) return 'membership.lapsed';
  if (to === MembershipStatus.CANCELLED) return 'membership.cancelled';
  return null;
}

export function membershipEventData(m: { id: string; userId: string; tierId: string }, status: string): Record<string, unknown> {
  return { membershipId: m.id, userId: m.userId, tierId: m.tierId, status };
}
