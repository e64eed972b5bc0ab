import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AdminOnly, Authenticated, CurrentRequest, CurrentViewer, OwnerOrAdmin, type RequestContext, unauthenticated, type Viewer } from '../../core/src/index.js';
import { SetUserRoleArgs } from './inputs/auth.inputs.js';
import { User } from './user.type.js';
import { UsersService } from './users.service.js';

@Resolver(() => User)
export class UsersResolver {
  constructor(private readonly users: UsersService) {}

  @Authenticated()
  @Query(() => User, { description: 'The signed-in account.' })
  async me(@CurrentViewer() viewer: Viewer): Promise<User> {
    const user = await this.users.findById(viewer.id);
    if (!user) throw unauthenticated();
    return user;
  }

  @AdminOnly()
  @Mutation(() => User)
  setUserRole(@Args() args: SetUserRoleArgs, @CurrentViewer() viewer: Viewer, @CurrentRequest() ctx: RequestContext): Promise<User> {
    return this.users.setRole(viewer, args.userId, args.role, ctx.requestId);
  }

  @OwnerOrAdmin<User>((user) => user.id)
  @ResolveField(() => String, { description: 'Visible to the account itself and to admins only.' })
  email(@Parent() user: User): string {
    return user.email;
  }
}
