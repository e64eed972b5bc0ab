import { Args, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ObjectType } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import {
  Authenticated,
  badInput,
  Connection,
  type ConnectionShape,
  CurrentRequest,
  CurrentViewer,
  OwnerOrPermission,
  type RequestContext,
  RequirePermission,
  selects,
  type SelectionInfo,
  StaffPermission,
  type Viewer,
  whenLoaded,
} from '../../core/src/index.js';
import { User } from '../../accounts/src/index.js';
import { DirectoryArgs, IdArgs, UsersArgs } from './args/membership.args.js';
import { type MemberSearch, type MemberSearchReads, MemberSearchRepository } from './directory/member-search.repository.js';
import { UpdateProfileInput } from './inputs/profile.input.js';
import { MembershipStatsService } from './membership-stats.service.js';
import { Membership, MembershipStats } from './membership.type.js';
import { MembersLoader } from './members.loader.js';
import { carriedMembership } from './carried-membership.js';
import { ProfileService } from './profile.service.js';


@ObjectType()
export class UserConnection extends Connection(User) {}

const PROFILE_FIELDS = ['headline', 'bio', 'location', 'employer', 'skills', 'directoryVisible'];

/** What a page of people shows beyond the account's own columns: read with the page's rows when asked. */
function searchReadsAsked(info: SelectionInfo): MemberSearchReads {
  return {
    createdAt: selects(info, ['edges', 'node', 'createdAt']),
    profile: PROFILE_FIELDS.some((field) => selects(info, ['edges', 'node', field])),
  };
}

/** People: profiles, the admin list, the member directory, and each person's membership. */
@Resolver(() => User)
export class UsersDirectoryResolver {
  constructor(
    private readonly profiles: ProfileService,
    private readonly search: MemberSearchRepository,
    private readonly stats: MembershipStatsService,
    private readonly loaders: MembersLoader,
  ) {}

  @Authenticated()
  @Query(() => User, { nullable: true, description: 'Yourself, or anyone for admins and MEMBERSHIP_MANAGER or FINANCE staff; others get NOT_FOUND.' })
  user(@Args() { id }: IdArgs, @CurrentViewer() viewer: Viewer): Promise<User> {
    return this.profiles.findVisible(viewer, id);
  }

  @RequirePermission(StaffPermission.MEMBERSHIP_MANAGER, StaffPermission.FINANCE)
  @Query(() => UserConnection, { description: 'MEMBERSHIP_MANAGER and FINANCE staff (who find the member a cheque is from): every account, filtered by its current (or latest) membership.' })
  users(@Args() args: UsersArgs, @CurrentRequest() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<ConnectionShape<User>> {
    if (args.joinedFrom && args.joinedTo && args.joinedFrom >= args.joinedTo) throw badInput('joinedTo', 'must be after joinedFrom');
    if (args.lapsedFrom && args.lapsedTo && args.lapsedFrom >= args.lapsedTo) throw badInput('lapsedTo', 'must be after lapsedFrom');
    return this.searchPeople({ ...args, directoryOnly: false, matchEmail: true }, ctx, info);
  }

  @Authenticated()
  @Query(() => UserConnection, {
    description: 'Members in good standing (ACTIVE or GRACE) who chose to be listed; relevance then name. Emails are not shown.',
  })
  memberDirectory(@Args() args: DirectoryArgs, @CurrentRequest() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<ConnectionShape<User>> {
    return this.searchPeople({ ...args, directoryOnly: true }, ctx, info);
  }

  /** The page, its rows' profiles (when shown) handed to the profile loader: the profile fields find them there. */
  private async searchPeople(search: MemberSearch, ctx: RequestContext, info: GraphQLResolveInfo): Promise<ConnectionShape<User>> {
    const read = searchReadsAsked(info);
    const page = await this.search.search({ ...search, read });
    if (read.profile) this.loaders.primeProfiles(ctx, page.edges.map((edge) => edge.node));
    return page;
  }

  @RequirePermission(StaffPermission.MEMBERSHIP_MANAGER)
  @Query(() => MembershipStats)
  membershipStats(): Promise<MembershipStats> {
    return this.stats.stats();
  }

  @Authenticated()
  @Mutation(() => User)
  updateMyProfile(@Args('input') input: UpdateProfileInput, @CurrentViewer() viewer: Viewer): Promise<User> {
    return this.profiles.updateMine(viewer, input);
  }

  @OwnerOrPermission<User>((user) => user.id, StaffPermission.MEMBERSHIP_MANAGER, StaffPermission.FINANCE)
  @ResolveField(() => Membership, { nullable: true, description: 'The current membership, or else the latest. The member, admins, MEMBERSHIP_MANAGER and FINANCE staff only.' })
  membership(@Parent() user: User, @CurrentRequest() ctx: RequestContext): Membership | null | Promise<Membership | null> {
    // Without a promise when a list read the membership with its rows (registrations of an event): carried with only
    // the columns that list asked for, or primed into the loader with all of them.
    const carried = carriedMembership(user);
    if (carried !== undefined) return carried;
    return whenLoaded(ctx.loaders.load(this.loaders.membershipByUserId(ctx), user.id), (membership) => membership ?? null);
  }
}
