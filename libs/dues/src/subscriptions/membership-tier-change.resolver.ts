import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentRequest, OwnerOrPermission, type RequestContext, StaffPermission } from '../../../core/src/index.js';
import { Membership, MembershipTier, MembersLoader } from '../../../members/src/index.js';
import { ScheduledTierChange } from './scheduled-tier-change.type.js';
import { TierChangesLoader } from './tier-changes.loader.js';

@Resolver(() => Membership)
export class MembershipTierChangeResolver {
  constructor(
    private readonly changes: TierChangesLoader,
    private readonly members: MembersLoader,
  ) {}

  @OwnerOrPermission<Membership>((m) => m.userId, StaffPermission.MEMBERSHIP_MANAGER)
  @ResolveField(() => ScheduledTierChange, { nullable: true, description: 'A tier change waiting for the next paid period (changeMembershipTier). The member, admins and MEMBERSHIP_MANAGER staff only.' })
  async scheduledTierChange(@Parent() membership: Membership, @CurrentRequest() ctx: RequestContext): Promise<ScheduledTierChange | null> {
    const change = await this.changes.pendingByMembershipId(ctx).load(membership.id);
    if (!change) return null;
    const tier = await this.members.tierById(ctx).load(change.toTierId);
    if (!tier) return null;
    return { toTierId: change.toTierId, tier: MembershipTier.from(tier), effectiveAt: change.effectiveAt };
  }
}
