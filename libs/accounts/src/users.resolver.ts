import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AdminOnly,
  ALL_STAFF_PERMISSIONS,
  Authenticated,
  ConnectionArgs,
  type ConnectionShape,
  CurrentRequest,
  CurrentViewer,
  OwnerOrAdmin,
  OwnerOrPermission,
  type RequestContext,
  Role,
  StaffPermission,
  unauthenticated,
  type Viewer,
} from '../../core/src/index.js';
import { SetStaffPermissionsArgs, SetUserRoleArgs } from './inputs/auth.inputs.js';
import { StaffAccountConnection, User } from './user.type.js';
import { UsersLoader } from './users.loader.js';
import { UsersService } from './users.service.js';

@Resolver(() => User)
export class UsersResolver {
  constructor(
    private readonly users: UsersService,
    private readonly usersLoader: UsersLoader,
  ) {}

  /** The viewer's row, usually already read with the session by the auth guard (see AuthService.viewerFromAccessToken). */
  @Authenticated()
  @Query(() => User, { description: 'The signed-in account.' })
  async me(@CurrentViewer() viewer: Viewer, @CurrentRequest() ctx: RequestContext): Promise<User> {
    const user = await this.usersLoader.byId(ctx).load(viewer.id);
    if (!user) throw unauthenticated();
    return user;
  }

  @AdminOnly()
  @Mutation(() => User)
  setUserRole(@Args() args: SetUserRoleArgs, @CurrentViewer() viewer: Viewer, @CurrentRequest() ctx: RequestContext): Promise<User> {
    return this.users.setRole(viewer, args.userId, args.role, ctx.requestId);
  }

  @AdminOnly()
  @Mutation(() => User, { description: 'Admin: the whole set of staff permissions the account holds from now on (audited).' })
  setStaffPermissions(@Args() args: SetStaffPermissionsArgs, @CurrentViewer() viewer: Viewer, @CurrentRequest() ctx: RequestContext): Promise<User> {
    return this.users.setStaffPermissions(viewer, args.userId, args.permissions, ctx.requestId);
  }

  @AdminOnly()
  @Query(() => StaffAccountConnection, { description: 'Admin: every account that is an ADMIN or holds a staff permission, by name.' })
  staffAccounts(@Args() args: ConnectionArgs): Promise<ConnectionShape<User>> {
    return this.users.staffAccounts(args);
  }

  @OwnerOrAdmin<User>((user) => user.id)
  @ResolveField(() => [StaffPermission], {
    description: 'The staff permissions the account holds (an ADMIN holds every one). The account itself and admins only.',
  })
  staffPermissions(@Parent() user: User): StaffPermission[] {
    return user.role === Role.ADMIN ? [...ALL_STAFF_PERMISSIONS] : ALL_STAFF_PERMISSIONS.filter((p) => user.staffPermissions.includes(p));
  }

  @OwnerOrAdmin<User>((user) => user.id)
  @ResolveField(() => Boolean, { description: 'Whether the account may open the staff console (ADMIN or any staff permission). The account itself and admins only.' })
  isStaff(@Parent() user: User): boolean {
    return user.role === Role.ADMIN || user.staffPermissions.length > 0;
  }

  @OwnerOrPermission<User>((user) => user.id, StaffPermission.MEMBERSHIP_MANAGER, StaffPermission.FINANCE, StaffPermission.EVENT_MANAGER)
  @ResolveField(() => String, { description: 'The account itself, admins, and MEMBERSHIP_MANAGER, FINANCE and EVENT_MANAGER staff only.' })
  email(@Parent() user: User): string {
    return user.email;
  }
}
