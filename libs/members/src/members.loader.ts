import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { RequestContext } from '../../core/src/index.js';
import { MembershipPeriodEntity } from './entities/membership-period.entity.js';
import { type MemberProfileRow, MemberProfilesRepository } from './member-profiles.repository.js';
import { MembershipsRepository } from './memberships.repository.js';
import { type Membership } from './membership.type.js';
import { type MembershipTierRow } from './membership-tier.type.js';
import { TiersRepository } from './tiers.repository.js';

/** Per-request batch loaders for the members feature: one statement per field per list level. */
@Injectable()
export class MembersLoader {
  constructor(
    private readonly memberships: MembershipsRepository,
    private readonly tiers: TiersRepository,
    private readonly profiles: MemberProfilesRepository,
  ) {}

  membershipByUserId(ctx: RequestContext): DataLoader<string, Membership | undefined> {
    return ctx.loaders.get('members.membershipByUserId', () => new DataLoader((ids: readonly string[]) => this.memberships.currentOrLatestRowsByUserIds(ids)));
  }

  tierById(ctx: RequestContext): DataLoader<string, MembershipTierRow | undefined> {
    return ctx.loaders.get('members.tierById', () => new DataLoader((ids: readonly string[]) => this.tiers.rowsByIds(ids)));
  }

  periodsByMembershipId(ctx: RequestContext): DataLoader<string, MembershipPeriodEntity[]> {
    return ctx.loaders.get('members.periodsByMembershipId', () => new DataLoader((ids: readonly string[]) => this.memberships.periodsByMembershipIds(ids)));
  }

  profileByUserId(ctx: RequestContext): DataLoader<string, MemberProfileRow | undefined> {
    return ctx.loaders.get('members.profileByUserId', () => new DataLoader((ids: readonly string[]) => this.profiles.findByUserIds(ids)));
  }

  /** Hands the profiles a list read with its rows to the profile loader (through the request's `prime`: the fields answer without a promise). */
  primeProfiles(ctx: RequestContext, rows: ReadonlyArray<{ id: string; profile?: MemberProfileRow }>): void {
    const profiles = this.profileByUserId(ctx);
    for (const row of rows) ctx.loaders.prime(profiles, row.id, row.profile);
  }
}
