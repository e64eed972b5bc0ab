import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GOOD_STANDING_STATUSES, MembershipsRepository, type MembershipStatus } from '../../../members/src/index.js';

const isGoodStanding = (status: MembershipStatus | undefined): boolean =>
  status !== undefined && (GOOD_STANDING_STATUSES as readonly MembershipStatus[]).includes(status);

/** Asks the members feature whether people are members in good standing (ACTIVE or GRACE). */
@Injectable()
export class GoodStanding {
  constructor(private readonly memberships: MembershipsRepository) {}

  async of(manager: EntityManager, userId: string): Promise<boolean> {
    return isGoodStanding((await this.memberships.findCurrentForUser(manager, userId))?.status);
  }

  /** The ones among `userIds` in good standing (one statement, in the caller's transaction). */
  async among(manager: EntityManager, userIds: readonly string[]): Promise<Set<string>> {
    if (!userIds.length) return new Set();
    const memberships = await this.memberships.currentOrLatestByUserIds(userIds, manager);
    return new Set(userIds.filter((_, i) => isGoodStanding(memberships[i]?.status)));
  }
}
