import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MembershipChangesService, type MembershipRecord, MembershipStatus, PeriodSource, type TierRecord } from '../../../members/src/index.js';
import { TierChangeStatus } from '../entities/tier-change.entity.js';
import { TierChangesRepository } from '../subscriptions/tier-changes.repository.js';
import type { ServicePeriod } from '../sync/dues-facts.js';

/** Extends a (locked) membership with a paid period: the tier paid for, the period, ACTIVE. */
@Injectable()
export class MembershipExtensionService {
  constructor(
    private readonly memberships: MembershipChangesService,
    private readonly tierChanges: TierChangesRepository,
  ) {}

  /**
   * Money can arrive for a membership that can no longer take it: one that was cancelled, declined,
   * or lapsed while the person already holds another. The payment is kept (and flagged), not applied.
   */
  async canExtend(manager: EntityManager, membership: MembershipRecord, renewalBySubscription: boolean): Promise<boolean> {
    switch (membership.status) {
      case MembershipStatus.PENDING_PAYMENT:
      case MembershipStatus.GRACE:
        return true;
      case MembershipStatus.ACTIVE:
        // Cancelled by the member while a subscription was still set to renew: do not renew for them.
        return !(renewalBySubscription && membership.cancelledAt !== null);
      case MembershipStatus.LAPSED: {
        const current = await this.memberships.currentOf(manager, membership.userId);
        return current === null;
      }
      default:
        return false;
    }
  }

  async extend(
    manager: EntityManager,
    membership: MembershipRecord,
    tier: TierRecord,
    period: ServicePeriod,
    source: { kind: PeriodSource.PAYMENT | PeriodSource.OFFLINE_PAYMENT; ref: string; oneTime: boolean },
  ): Promise<boolean> {
    const definesCurrentPeriod = period.endsAt === null || membership.currentPeriodEnd === null || period.endsAt >= membership.currentPeriodEnd;
    const changesTier = tier.id !== membership.tierId && definesCurrentPeriod;
    if (changesTier) await this.tierChanges.settle(manager, membership.id, TierChangeStatus.APPLIED, tier.id);
    const reason = source.kind === PeriodSource.OFFLINE_PAYMENT ? 'dues paid offline' : 'dues paid';
    // A one-time payment does not renew by itself; a subscription's own state sets the flag.
    return this.memberships.extend(
      manager,
      membership,
      { startsAt: period.startsAt, endsAt: period.endsAt, source: source.kind, sourceRef: source.ref },
      { tierId: changesTier ? tier.id : undefined, stopAutoRenew: source.oneTime, reason },
    );
  }
}
