import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ObjectType } from '@nestjs/graphql';
import { Authenticated, badInput, Connection, CurrentRequest, CurrentViewer, OwnerOrPermission, type RequestContext, RequirePermission, StaffPermission, type Viewer, whenLoaded } from '../../core/src/index.js';
import { User } from '../../accounts/src/index.js';
import { DirectoryArgs, IdArgs, UsersArgs } from './args/membership.args.js';
import { MemberSearchRepository } from './directory/member-search.repository.js';
import { UpdateProfileInput } from './inputs/profile.input.js';
import { MembershipStatsService } from './membership-stats.service.js';
import { Membership, MembershipStats } from './membership.type.js';
import { MembersLoader } from './members.loader.js';
import { ProfileService } from './profile.service.js';


@ObjectType()
export class UserConnection extends Connection(User) {}

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
  users(@Args() args: UsersArgs): Promise<UserConnection> {
    if (args.joinedFrom && args.joinedTo && args.joinedFrom >= args.joinedTo) throw badInput('joinedTo', 'must be after joinedFrom');
    if (args.lapsedFrom && args.lapsedTo && args.lapsedFrom >= args.lapsedTo) throw badInput('lapsedTo', 'must be after lapsedFrom');
    return this.search.search({ ...args, directoryOnly: false, matchEmail: true });
  }

  @Authenticated()
  @Query(() => UserConnection, {
    description: 'Members in good standing (ACTIVE or GRACE) who chose to be listed; relevance then name. Emails are not shown.',
  })
  memberDirectory(@Args() args: DirectoryArgs): Promise<UserConnection> {
    return this.search.search({ ...args, directoryOnly: true });
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
    // Without a promise when a list read the membership with its rows (registrations of an event).
    return whenLoaded(ctx.loaders.load(this.loaders.membershipByUserId(ctx), user.id), (membership) => membership ?? null);
  }
}
