import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MembershipChangesService, type MembershipRecord, MembershipStatus } from '../../../members/src/index.js';
import { DuesSubscriptionEntity, LIVE_SUBSCRIPTION_STATUSES } from '../entities/dues-subscription.entity.js';
import type { SubscriptionSnapshot } from '../sync/dues-facts.js';
import { DuesSubscriptionsRepository } from './dues-subscriptions.repository.js';

const OPEN_MEMBERSHIP = [MembershipStatus.PENDING_PAYMENT, MembershipStatus.ACTIVE, MembershipStatus.GRACE];

const sameTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

function differs(row: DuesSubscriptionEntity, next: SubscriptionSnapshot): boolean {
  return (
    row.status !== next.status ||
    row.cancelAtPeriodEnd !== next.cancelAtPeriodEnd ||
    row.stripePriceId !== next.priceId ||
    row.stripeItemId !== next.itemId ||
    !sameTime(row.currentPeriodStart, next.currentPeriodStart) ||
    !sameTime(row.currentPeriodEnd, next.currentPeriodEnd) ||
    !sameTime(row.endedAt, next.endedAt)
  );
}

export function renewsAutomatically(snapshot: { status: string; cancelAtPeriodEnd: boolean }): boolean {
  return (LIVE_SUBSCRIPTION_STATUSES as readonly string[]).includes(snapshot.status) && !snapshot.cancelAtPeriodEnd;
}

/**
 * Upserts our copy of a subscription from a snapshot, keyed on the Stripe id, and keeps the
 * membership's auto-renew flag in line with it. A snapshot read before the stored one is ignored
 * (watermark), so the result never depends on which delivery commits last. A deleted subscription
 * only turns auto-renew off: the membership stays valid to its period end and the lifecycle job
 * lapses it then.
 */
@Injectable()
export class SubscriptionStateService {
  constructor(
    private readonly subscriptions: DuesSubscriptionsRepository,
    private readonly memberships: MembershipChangesService,
  ) {}

  /** True when something a person could see changed. The membership row is locked by the caller. */
  async apply(manager: EntityManager, membership: MembershipRecord, snapshot: SubscriptionSnapshot): Promise<boolean> {
    const row = await this.subscriptions.lock(manager, snapshot.id);
    if (row && row.syncedAt.getTime() >= snapshot.retrievedAt.getTime()) return false;
    const changed = !row || differs(row, snapshot);
    await this.subscriptions.save(manager, {
      stripeSubscriptionId: snapshot.id,
      membershipId: snapshot.membershipId,
      stripeCustomerId: snapshot.customerId,
      stripeItemId: snapshot.itemId,
      stripePriceId: snapshot.priceId,
      status: snapshot.status,
      cancelAtPeriodEnd: snapshot.cancelAtPeriodEnd,
      currentPeriodStart: snapshot.currentPeriodStart,
      currentPeriodEnd: snapshot.currentPeriodEnd,
      endedAt: snapshot.endedAt,
      syncedAt: snapshot.retrievedAt,
    });
    const autoRenew = renewsAutomatically(snapshot);
    if (!OPEN_MEMBERSHIP.includes(membership.status) || membership.autoRenew === autoRenew) return changed;
    // Another live subscription of this membership speaks for it while this one is ending.
    if (!autoRenew) {
      const live = await this.subscriptions.liveFor(membership.id, manager);
      if (live && live.stripeSubscriptionId !== snapshot.id && !live.cancelAtPeriodEnd) return changed;
    }
    await this.memberships.setAutoRenew(manager, membership, autoRenew);
    return true;
  }
}
