import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentRequest, CurrentViewer, type RequestContext, type Viewer } from '../../../core/src/index.js';
import { Membership } from '../../../members/src/index.js';
import { AutoRenewService } from './auto-renew.service.js';
import { ChangeTierArgs, SetAutoRenewArgs } from './billing.types.js';
import { TierChangeService } from './tier-change.service.js';

@Resolver()
export class MembershipBillingResolver {
  constructor(
    private readonly autoRenew: AutoRenewService,
    private readonly tierChange: TierChangeService,
  ) {}

  @Authenticated()
  @Mutation(() => Membership, { description: 'The member or an admin. Off: the subscription ends at the period end (nothing refunded).' })
  setAutoRenew(@Args() args: SetAutoRenewArgs, @CurrentViewer() viewer: Viewer, @CurrentRequest() ctx: RequestContext): Promise<Membership> {
    return this.autoRenew.set(viewer, args.membershipId, args.autoRenew, ctx.requestId);
  }

  @Authenticated()
  @Mutation(() => Membership, { description: 'The member or an admin. Takes effect with the next paid period; no proration.' })
  changeMembershipTier(@Args() args: ChangeTierArgs, @CurrentViewer() viewer: Viewer, @CurrentRequest() ctx: RequestContext): Promise<Membership> {
    return this.tierChange.change(viewer, args.membershipId, args.tierId, ctx.requestId);
  }
}
