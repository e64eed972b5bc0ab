import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentRequest, type RequestContext } from '../../core/src/index.js';
import { User, UsersLoader } from '../../accounts/src/index.js';
import { AccountabilityPair } from './types/accountability-pair.type.js';
import { AccountabilityCheckIn, Attendance, MeetingRoleAssignment } from './types/group-meeting.type.js';
import { type GroupMemberWithUser } from './group-members.repository.js';
import { GroupMember, RoleTurns } from './types/group-member.type.js';

/**
 * The person behind each row, through the per-request users loader. The rows themselves are only
 * reachable through guarded fields and mutations, so these need a signed-in viewer and nothing more.
 */
async function person(users: UsersLoader, ctx: RequestContext, userId: string): Promise<User> {
  const user = await users.byId(ctx).load(userId);
  if (!user) throw new Error(`user ${userId} not found`);
  return user;
}

@Resolver(() => GroupMember)
export class GroupMemberUserResolver {
  constructor(private readonly users: UsersLoader) {}

  @Authenticated()
  @ResolveField(() => User)
  user(@Parent() row: GroupMemberWithUser, @CurrentRequest() ctx: RequestContext): User | Promise<User> {
    // Read with the row where the member list joined it (`StudyGroup.members`); else through the users loader.
    return row.user ?? person(this.users, ctx, row.userId);
  }
}

@Resolver(() => MeetingRoleAssignment)
export class RoleHolderResolver {
  constructor(private readonly users: UsersLoader) {}

  @Authenticated()
  @ResolveField(() => User)
  user(@Parent() row: MeetingRoleAssignment, @CurrentRequest() ctx: RequestContext): Promise<User> {
    return person(this.users, ctx, row.userId);
  }
}

@Resolver(() => Attendance)
export class AttendeeResolver {
  constructor(private readonly users: UsersLoader) {}

  @Authenticated()
  @ResolveField(() => User)
  user(@Parent() row: Attendance, @CurrentRequest() ctx: RequestContext): Promise<User> {
    return person(this.users, ctx, row.userId);
  }
}

@Resolver(() => AccountabilityCheckIn)
export class CheckInAuthorResolver {
  constructor(private readonly users: UsersLoader) {}

  @Authenticated()
  @ResolveField(() => User)
  user(@Parent() row: AccountabilityCheckIn, @CurrentRequest() ctx: RequestContext): Promise<User> {
    return person(this.users, ctx, row.userId);
  }
}

@Resolver(() => RoleTurns)
export class RoleTurnsUserResolver {
  constructor(private readonly users: UsersLoader) {}

  @Authenticated()
  @ResolveField(() => User)
  user(@Parent() row: RoleTurns, @CurrentRequest() ctx: RequestContext): Promise<User> {
    return person(this.users, ctx, row.userId);
  }
}

@Resolver(() => AccountabilityPair)
export class PairMembersResolver {
  constructor(private readonly users: UsersLoader) {}

  @Authenticated()
  @ResolveField(() => [User])
  members(@Parent() pair: AccountabilityPair, @CurrentRequest() ctx: RequestContext): Promise<User[]> {
    return Promise.all(pair.memberIds.map((id) => person(this.users, ctx, id)));
  }
}
