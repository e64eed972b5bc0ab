import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentRequest, OwnerOrPermission, type RequestContext, RequirePermission, StaffPermission } from '../../core/src/index.js';
import { AccountStatusLoader } from './account-status.loader.js';
import { User } from './user.type.js';

/** What a page needs to know about an account's state: verified email, claimed, invited. */
@Resolver(() => User)
export class AccountStatusResolver {
  constructor(private readonly status: AccountStatusLoader) {}

  @OwnerOrPermission<User>((user) => user.id, StaffPermission.MEMBERSHIP_MANAGER)
  @ResolveField(() => Boolean, { description: 'Whether the account proved it reads mail at its email. The account itself, admins and MEMBERSHIP_MANAGER staff only.' })
  async emailVerified(@Parent() user: User, @CurrentRequest() ctx: RequestContext): Promise<boolean> {
    return Boolean((await this.status.byUserId(ctx).load(user.id))?.emailVerifiedAt);
  }

  @RequirePermission(StaffPermission.MEMBERSHIP_MANAGER)
  @ResolveField(() => Boolean, { description: 'MEMBERSHIP_MANAGER staff: false for an imported account whose person has not set a password yet.' })
  async claimed(@Parent() user: User, @CurrentRequest() ctx: RequestContext): Promise<boolean> {
    return (await this.status.byUserId(ctx).load(user.id))?.claimed ?? false;
  }

  @RequirePermission(StaffPermission.MEMBERSHIP_MANAGER)
  @ResolveField(() => Date, { nullable: true, description: 'MEMBERSHIP_MANAGER staff: when the last invitation to claim the account was sent.' })
  async invitationSentAt(@Parent() user: User, @CurrentRequest() ctx: RequestContext): Promise<Date | null> {
    return (await this.status.byUserId(ctx).load(user.id))?.invitationSentAt ?? null;
  }
}
