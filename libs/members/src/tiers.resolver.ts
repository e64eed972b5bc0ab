import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentRequest, CurrentViewer, Public, type RequestContext, RequirePermission, StaffPermission, type Viewer } from '../../core/src/index.js';
import { IdArgs, TiersArgs } from './args/membership.args.js';
import { CreateMembershipTierInput, UpdateMembershipTierInput } from './inputs/tier.inputs.js';
import { MembershipTier } from './membership-tier.type.js';
import { TiersService } from './tiers.service.js';

@Resolver(() => MembershipTier)
export class TiersResolver {
  constructor(private readonly tiers: TiersService) {}

  @Public()
  @Query(() => [MembershipTier], { description: 'Tiers open to new members (admins may include inactive ones).' })
  async membershipTiers(@Args() args: TiersArgs, @CurrentViewer() viewer?: Viewer): Promise<MembershipTier[]> {
    return (await this.tiers.list(viewer, args.includeInactive ?? false)).map(MembershipTier.from);
  }

  @RequirePermission(StaffPermission.MEMBERSHIP_MANAGER)
  @Mutation(() => MembershipTier)
  async createMembershipTier(
    @Args('input') input: CreateMembershipTierInput,
    @CurrentViewer() viewer: Viewer,
    @CurrentRequest() ctx: RequestContext,
  ): Promise<MembershipTier> {
    return MembershipTier.from(await this.tiers.create(viewer, input, ctx.requestId));
  }

  @RequirePermission(StaffPermission.MEMBERSHIP_MANAGER)
  @Mutation(() => MembershipTier)
  async updateMembershipTier(
    @Args() { id }: IdArgs,
    @Args('input') input: UpdateMembershipTierInput,
    @CurrentViewer() viewer: Viewer,
    @CurrentRequest() ctx: RequestContext,
  ): Promise<MembershipTier> {
    return MembershipTier.from(await this.tiers.update(viewer, id, input, ctx.requestId));
  }
}
