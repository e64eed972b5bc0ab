import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  MembershipEntity,
  MembershipsRepository,
  MembershipsService,
  MembershipStatus,
  MembershipTierEntity,
  PeriodSource,
} from '../../../members/src/index.js';
import { TierChangeStatus } from '../entities/tier-change.entity.js';
import { TierChangesRepository } from '../subscriptions/tier-changes.repository.js';
import type { ServicePeriod } from '../sync/dues-facts.js';

/** Extends a (locked) membership with a paid period: the tier paid for, the period, ACTIVE. */
@Injectable()
export class MembershipExtensionService {
  constructor(
    private readonly memberships: MembershipsService,
    private readonly membershipsRepo: MembershipsRepository,
    private readonly tierChanges: TierChangesRepository,
  ) {}

  /**
   * Money can arrive for a membership that can no longer take it: one that was cancelled, declined,
   * or lapsed while the person already holds another. The payment is kept (and flagged), not applied.
   */
  async canExtend(manager: EntityManager, membership: MembershipEntity, renewalBySubscription: boolean): Promise<boolean> {
    switch (membership.status) {
      case MembershipStatus.PENDING_PAYMENT:
      case MembershipStatus.GRACE:
        return true;
      case MembershipStatus.ACTIVE:
        // Cancelled by the member while a subscription was still set to renew: do not renew for them.
        return !(renewalBySubscription && membership.cancelledAt !== null);
      case MembershipStatus.LAPSED: {
        const current = await this.membershipsRepo.findCurrentForUser(manager, membership.userId);
        return current === null;
      }
      default:
        return false;
    }
  }

  async extend(
    manager: EntityManager,
    membership: MembershipEntity,
    tier: MembershipTierEntity,
    period: ServicePeriod,
    source: { kind: PeriodSource.PAYMENT | PeriodSource.OFFLINE_PAYMENT; ref: string; oneTime: boolean },
  ): Promise<boolean> {
    const definesCurrentPeriod = period.endsAt === null || membership.currentPeriodEnd === null || period.endsAt >= membership.currentPeriodEnd;
    if (tier.id !== membership.tierId && definesCurrentPeriod) {
      membership.tierId = tier.id;
      await this.tierChanges.settle(manager, membership.id, TierChangeStatus.APPLIED, tier.id);
    }
    // A one-time payment does not renew by itself; a subscription's own state sets the flag.
    if (source.oneTime) membership.autoRenew = false;
    const reason = source.kind === PeriodSource.OFFLINE_PAYMENT ? 'dues paid offline' : 'dues paid';
    const added = await this.memberships.applyPeriod(manager, membership, { startsAt: period.startsAt, endsAt: period.endsAt, source: source.kind, sourceRef: source.ref }, null, reason);
    if (!added) await this.membershipsRepo.save(manager, membership);
    return added;
  }
}
