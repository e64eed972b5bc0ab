import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MembershipsRepository } from '../memberships.repository.js';
import { isInGoodStanding } from './good-standing.rule.js';
import { type MembershipStanding, MembershipStandingPort } from './membership-standing.js';

@Injectable()
export class MembershipStandingService extends MembershipStandingPort {
  constructor(private readonly memberships: MembershipsRepository) {
    super();
  }

  /** One entry per id, in the order given (duplicates allowed). */
  async of(userIds: readonly string[], manager?: EntityManager): Promise<MembershipStanding[]> {
    if (!userIds.length) return [];
    const rows = await this.memberships.currentWithTierByUserIds(userIds, manager);
    const now = new Date();
    return userIds.map((userId, i) => {
      const row = rows[i];
      const inGoodStanding = isInGoodStanding(row, now);
      return {
        userId,
        inGoodStanding,
        tierId: row?.tierId ?? null,
        tierName: row?.tierName ?? null,
        memberDiscountPercent: inGoodStanding && row && row.eventDiscountPercent > 0 ? row.eventDiscountPercent : null,
      };
    });
  }

  /** Convenience for one person. */
  async one(userId: string, manager?: EntityManager): Promise<MembershipStanding> {
    return (await this.of([userId], manager))[0];
  }
}
