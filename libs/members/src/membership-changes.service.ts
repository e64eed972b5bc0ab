import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { notFound } from '../../core/src/index.js';
import { MembershipStatus, type PeriodSource } from './membership.enums.js';
import type { MembershipRecord, TierRecord } from './membership.records.js';
import { MembershipsRepository } from './memberships.repository.js';
import { MembershipsService } from './memberships.service.js';
import { TiersRepository } from './tiers.repository.js';

const DAY_MS = 86_400_000;

export interface PaidPeriod {
  startsAt: Date;
  /** Null: lifetime. */
  endsAt: Date | null;
  source: PeriodSource.PAYMENT | PeriodSource.OFFLINE_PAYMENT;
  sourceRef: string;
}

/**
 * What other features (dues) may do to a membership, each inside the caller's transaction (pass its
 * EntityManager; lock first with `lockById`). Members owns the rows: nobody else saves them.
 */
@Injectable()
export class MembershipChangesService {
  constructor(
    private readonly memberships: MembershipsRepository,
    private readonly tiers: TiersRepository,
    private readonly service: MembershipsService,
  ) {}

  findById(id: string, manager?: EntityManager): Promise<MembershipRecord | null> {
    return this.memberships.findById(id, manager);
  }

  /** The membership row locked for the rest of the caller's transaction (null: no such membership). */
  lockById(manager: EntityManager, id: string): Promise<MembershipRecord | null> {
    return this.memberships.lockById(manager, id);
  }

  /** The person's current membership (pending, active or in grace), if any. */
  currentOf(manager: EntityManager, userId: string): Promise<MembershipRecord | null> {
    return this.memberships.findCurrentForUser(manager, userId);
  }

  /** Of `membershipIds`, those that must no longer be billed: cancelled (even to the period end) or ended. */
  async noLongerBillable(membershipIds: readonly string[], manager?: EntityManager): Promise<Set<string>> {
    return new Set(await this.memberships.endedAmong(membershipIds, manager));
  }

    tier(id: string, manager?: EntityManager): Promise<TierRecord | null> {
    return this.tiers.findById(id, manager);
  }

  async tierOf(manager: EntityManager, membership: MembershipRecord): Promise<TierRecord> {
    return this.service.tierOf(manager, membership);
  }

  /**
   * A paid period: optionally onto another tier, optionally ending automatic renewal (a one-time
   * payment), then ACTIVE to the later end. Idempotent by `period.sourceRef`; returns whether it was new.
   */
  async extend(manager: EntityManager, membership: MembershipRecord, period: PaidPeriod, options: { tierId?: string; stopAutoRenew?: boolean; reason: string }): Promise<boolean> {
    if (options.tierId) membership.tierId = options.tierId;
    if (options.stopAutoRenew) membership.autoRenew = false;
    const added = await this.service.applyPeriod(manager, membership, period, null, options.reason);
    if (!added) await this.memberships.save(manager, membership);
    return added;
  }

  /** Sets the tier now (a membership still waiting for its first payment). */
  async changeTier(manager: EntityManager, membership: MembershipRecord, tierId: string): Promise<void> {
    membership.tierId = tierId;
    await this.memberships.save(manager, membership);
  }

  async setAutoRenew(manager: EntityManager, membership: MembershipRecord, autoRenew: boolean): Promise<void> {
    membership.autoRenew = autoRenew;
    await this.memberships.save(manager, membership);
  }

  /** An ACTIVE membership whose renewal failed goes to GRACE for its tier's grace days from the later of period end and now. */
  async enterGrace(manager: EntityManager, membership: MembershipRecord, now: Date, reason: string): Promise<boolean> {
    if (membership.status !== MembershipStatus.ACTIVE) return false;
    const tier = await this.service.tierOf(manager, membership);
    const from = Math.max(membership.currentPeriodEnd?.getTime() ?? now.getTime(), now.getTime());
    membership.graceEndsAt = new Date(from + tier.gracePeriodDays * DAY_MS);
    await this.service.transition(manager, membership, MembershipStatus.GRACE, null, reason);
    return true;
  }

  /** Ends a membership (LAPSED or CANCELLED) with a recorded reason. */
  async end(manager: EntityManager, membership: MembershipRecord, to: MembershipStatus.LAPSED | MembershipStatus.CANCELLED, reason: string): Promise<void> {
    await this.service.transition(manager, membership, to, null, reason);
  }

  async mustLock(manager: EntityManager, id: string): Promise<MembershipRecord> {
    const membership = await this.lockById(manager, id);
    if (!membership) throw notFound('Membership');
    return membership;
  }
}
