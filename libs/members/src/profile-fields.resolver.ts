import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentRequest, type RequestContext, whenLoaded } from '../../core/src/index.js';
import { User } from '../../accounts/src/index.js';
import { EMPTY_PROFILE } from './member-profiles.repository.js';
import { MembersLoader } from './members.loader.js';

type ProfileFields = typeof EMPTY_PROFILE;

/**
 * The profile fields of `User`, from members' profile table: one batched statement per list level
 * (through the per-request loader), visible wherever the person is (as when they lived on the account).
 * Where a list read the profiles with its rows (the member search), the fields answer them without a promise.
 */
@Resolver(() => User)
export class ProfileFieldsResolver {
  constructor(private readonly loaders: MembersLoader) {}

  private field<K extends keyof ProfileFields>(user: User, ctx: RequestContext, key: K): ProfileFields[K] | Promise<ProfileFields[K]> {
    return whenLoaded(ctx.loaders.load(this.loaders.profileByUserId(ctx), user.id), (profile): ProfileFields[K] => (profile ?? EMPTY_PROFILE)[key]);
  }

  @ResolveField(() => String, { nullable: true })
  headline(@Parent() user: User, @CurrentRequest() ctx: RequestContext): string | null | Promise<string | null> {
    return this.field(user, ctx, 'headline');
  }

  @ResolveField(() => String, { nullable: true })
  bio(@Parent() user: User, @CurrentRequest() ctx: RequestContext): string | null | Promise<string | null> {
    return this.field(user, ctx, 'bio');
  }

  @ResolveField(() => String, { nullable: true })
  location(@Parent() user: User, @CurrentRequest() ctx: RequestContext): string | null | Promise<string | null> {
    return this.field(user, ctx, 'location');
  }

  @ResolveField(() => String, { nullable: true })
  employer(@Parent() user: User, @CurrentRequest() ctx: RequestContext): string | null | Promise<string | null> {
    return this.field(user, ctx, 'employer');
  }

  @ResolveField(() => [String])
  skills(@Parent() user: User, @CurrentRequest() ctx: RequestContext): string[] | Promise<string[]> {
    return this.field(user, ctx, 'skills');
  }

  @ResolveField(() => Boolean, { description: 'Shown in the member directory (while in good standing).' })
  directoryVisible(@Parent() user: User, @CurrentRequest() ctx: RequestContext): boolean | Promise<boolean> {
    return this.field(user, ctx, 'directoryVisible');
  }
}
