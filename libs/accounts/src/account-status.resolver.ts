import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AdminOnly, CurrentRequest, OwnerOrAdmin, type RequestContext } from '../../core/src/index.js';
import { AccountStatusLoader } from './account-status.loader.js';
import { User } from './user.type.js';

/** What a page needs to know about an account's state: verified email, claimed, invited. */
@Resolver(() => User)
export class AccountStatusResolver {
  constructor(private readonly status: AccountStatusLoader) {}

  @OwnerOrAdmin<User>((user) => user.id)
  @ResolveField(() => Boolean, { description: 'Whether the account proved it reads mail at its email. The account itself and admins only.' })
  async emailVerified(@Parent() user: User, @CurrentRequest() ctx: RequestContext): Promise<boolean> {
    return Boolean((await this.status.byUserId(ctx).load(user.id))?.emailVerifiedAt);
  }

  @AdminOnly()
  @ResolveField(() => Boolean, { description: 'Staff: false for an imported account whose person has not set a password yet.' })
  async claimed(@Parent() user: User, @CurrentRequest() ctx: RequestContext): Promise<boolean> {
    return (await this.status.byUserId(ctx).load(user.id))?.claimed ?? false;
  }

  @AdminOnly()
  @ResolveField(() => Date, { nullable: true, description: 'Staff: when the last invitation to claim the account was sent.' })
  async invitationSentAt(@Parent() user: User, @CurrentRequest() ctx: RequestContext): Promise<Date | null> {
    return (await this.status.byUserId(ctx).load(user.id))?.invitationSentAt ?? null;
  }
}
