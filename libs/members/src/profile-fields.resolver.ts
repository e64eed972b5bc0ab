import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentRequest, type RequestContext } from '../../core/src/index.js';
import { User } from '../../accounts/src/index.js';
import type { MemberProfileEntity } from './entities/member-profile.entity.js';
import { EMPTY_PROFILE } from './member-profiles.repository.js';
import { MembersLoader } from './members.loader.js';

/**
 * The profile fields of `User`, from members' profile table: one batched statement per list level
 * (through the per-request loader), visible wherever the person is (as when they lived on the account).
 */
@Resolver(() => User)
export class ProfileFieldsResolver {
  constructor(private readonly loaders: MembersLoader) {}

  private async profile(user: User, ctx: RequestContext): Promise<Pick<MemberProfileEntity, keyof typeof EMPTY_PROFILE>> {
    return (await this.loaders.profileByUserId(ctx).load(user.id)) ?? EMPTY_PROFILE;
  }

  @ResolveField(() => String, { nullable: true })
  async headline(@Parent() user: User, @CurrentRequest() ctx: RequestContext): Promise<string | null> {
    return (await this.profile(user, ctx)).headline;
  }

  @ResolveField(() => String, { nullable: true })
  async bio(@Parent() user: User, @CurrentRequest() ctx: RequestContext): Promise<string | null> {
    return (await this.profile(user, ctx)).bio;
  }

  @ResolveField(() => String, { nullable: true })
  async location(@Parent() user: User, @CurrentRequest() ctx: RequestContext): Promise<string | null> {
    return (await this.profile(user, ctx)).location;
  }

  @ResolveField(() => String, { nullable: true })
  async employer(@Parent() user: User, @CurrentRequest() ctx: RequestContext): Promise<string | null> {
    return (await this.profile(user, ctx)).employer;
  }

  @ResolveField(() => [String])
  async skills(@Parent() user: User, @CurrentRequest() ctx: RequestContext): Promise<string[]> {
    return (await this.profile(user, ctx)).skills;
  }

  @ResolveField(() => Boolean, { description: 'Shown in the member directory (while in good standing).' })
  async directoryVisible(@Parent() user: User, @CurrentRequest() ctx: RequestContext): Promise<boolean> {
    return (await this.profile(user, ctx)).directoryVisible;
  }
}
