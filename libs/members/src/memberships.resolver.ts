import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentRequest, CurrentViewer, OwnerOrPermission, type RequestContext, RequirePermission, StaffPermission, type Viewer } from '../../core/src/index.js';
import { User, UsersLoader, RequiresVerifiedEmail } from '../../accounts/src/index.js';
import { DeclineMembershipArgs, GrantMembershipArgs, MembershipIdArgs, TierIdArgs } from './args/membership.args.js';
import { MembershipTier } from './membership-tier.type.js';
import { Membership, MembershipPeriod } from './membership.type.js';
import { MembersLoader } from './members.loader.js';
import { MembershipsService } from './memberships.service.js';

@Resolver(() => Membership)
export class MembershipsResolver {
  constructor(
    private readonly memberships: MembershipsService,
    private readonly loaders: MembersLoader,
    private readonly users: UsersLoader,
  ) {}

  @Authenticated()
  @RequiresVerifiedEmail()
  @Mutation(() => Membership, { description: 'Applies for a tier: pending approval, pending payment, or active at once (free tiers).' })
  applyForMembership(@Args() { tierId }: TierIdArgs, @CurrentViewer() viewer: Viewer): Promise<Membership> {
    return this.memberships.apply(viewer, tierId);
  }

  @RequirePermission(StaffPermission.MEMBERSHIP_MANAGER)
  @Mutation(() => Membership)
  approveMembership(@Args() { membershipId }: MembershipIdArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<Membership> {
    return this.memberships.approve({ actor, requestId: ctx.requestId }, membershipId);
  }

  @RequirePermission(StaffPermission.MEMBERSHIP_MANAGER)
  @Mutation(() => Membership)
  declineMembership(@Args() args: DeclineMembershipArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<Membership> {
    return this.memberships.decline({ actor, requestId: ctx.requestId }, args.membershipId, args.reason);
  }

  @RequirePermission(StaffPermission.MEMBERSHIP_MANAGER)
  @Mutation(() => Membership, { description: 'A complimentary membership; without `until` it is for life.' })
  grantMembership(@Args() args: GrantMembershipArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<Membership> {
    return this.memberships.grant({ actor, requestId: ctx.requestId }, args.userId, args.tierId, args.until);
  }

  @Authenticated()
  @Mutation(() => Membership, { description: 'The member or an admin. A paid period stays valid to its end.' })
  cancelMembership(@Args() { membershipId }: MembershipIdArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<Membership> {
    return this.memberships.cancel({ actor, requestId: ctx.requestId }, membershipId);
  }

  @OwnerOrPermission<Membership>((m) => m.userId, StaffPermission.MEMBERSHIP_MANAGER, StaffPermission.FINANCE)
  @ResolveField(() => User)
  async user(@Parent() membership: Membership, @CurrentRequest() ctx: RequestContext): Promise<User> {
    const user = await this.users.byId(ctx).load(membership.userId);
    if (!user) throw new Error(`membership ${membership.id} has no user`);
    return user;
  }

  @OwnerOrPermission<Membership>((m) => m.userId, StaffPermission.MEMBERSHIP_MANAGER, StaffPermission.FINANCE)
  @ResolveField(() => MembershipTier)
  tier(@Parent() membership: Membership, @CurrentRequest() ctx: RequestContext): MembershipTier | Promise<MembershipTier> {
    // Read with the membership (no statement, no promise), or else through the tiers loader.
    if (membership.tierRow) return MembershipTier.from(membership.tierRow);
    return this.loaders.tierById(ctx).load(membership.tierId).then((tier) => {
      if (!tier) throw new Error(`membership ${membership.id} has no tier`);
      return MembershipTier.from(tier);
    });
  }

  @OwnerOrPermission<Membership>((m) => m.userId, StaffPermission.MEMBERSHIP_MANAGER, StaffPermission.FINANCE)
  @ResolveField(() => [MembershipPeriod])
  periods(@Parent() membership: Membership, @CurrentRequest() ctx: RequestContext): Promise<MembershipPeriod[]> {
    return this.loaders.periodsByMembershipId(ctx).load(membership.id);
  }
}
