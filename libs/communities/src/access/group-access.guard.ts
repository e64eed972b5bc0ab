import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AppError, badInput, ErrorCode, isUuid, notFound, type RequestContext, StaffPermission, unauthenticated, viewerHasPermission } from '../../../core/src/index.js';
import { CommunitiesErrorReason } from '../communities.errors.js';
import { GroupMemberRole, GroupMemberStatus } from '../community.enums.js';
import { GroupMeetingsLoader } from '../group-meetings.loader.js';
import { StudyGroupsLoader } from '../study-groups.loader.js';
import { GROUP_ACCESS, type GroupAccessPolicy, type GroupRef } from './group-access.policy.js';

/**
 * Group-level permissions, declared on each operation and field (`@GroupMembersOrAdmin(...)` and
 * friends). Runs after the global AuthGuard has resolved the viewer. Lookups go through the
 * per-request loaders, so guarding every row of a page costs one statement, not one per row.
 */
@Injectable()
export class GroupAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly groups: StudyGroupsLoader,
    private readonly meetings: GroupMeetingsLoader,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.get<GroupAccessPolicy | undefined>(GROUP_ACCESS, context.getHandler());
    if (!policy || context.getType<string>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const ctx = gql.getContext<RequestContext>();
    const viewer = ctx.viewer;
    if (!viewer) throw unauthenticated();
    if (policy.admins && viewerHasPermission(viewer, StaffPermission.COMMUNITY_MANAGER)) return true;

    if (policy.need === 'goodStanding') {
      if (await this.groups.inGoodStanding(ctx).load(viewer.id)) return true;
      throw new AppError(ErrorCode.FORBIDDEN, 'Only members in good standing may do that', { reason: CommunitiesErrorReason.NOT_IN_GOOD_STANDING });
    }
    const groupId = await this.groupIdOf(policy.ref!, gql.getRoot(), gql.getArgs(), ctx);
    const membership = await this.groups.viewerMembership(ctx).load(groupId);
    const active = membership?.status === GroupMemberStatus.ACTIVE;
    if (active && (policy.need === 'member' || membership.role === GroupMemberRole.FACILITATOR)) return true;
    throw new AppError(
      ErrorCode.FORBIDDEN,
      policy.need === 'organiser' ? 'Only the group\'s organisers (or an admin) may do that' : 'Only members of this group may see or do that',
      { reason: CommunitiesErrorReason.NOT_A_GROUP_MEMBER },
    );
  }

  /** Arguments are checked here too: guards run before validation, and a bad id must not reach SQL. */
  private async groupIdOf(ref: GroupRef, parent: unknown, args: Record<string, unknown>, ctx: RequestContext): Promise<string> {
    if (ref.from === 'parent') return ref.groupId(parent);
    const id = args[ref.arg];
    if (!isUuid(id)) throw badInput(ref.arg, `must be a ${ref.kind} id`);
    if (ref.kind === 'group') {
      if (!(await this.groups.groupById(ctx).load(id))) throw notFound('Study group');
      return id;
    }
    if (ref.kind === 'meeting') {
      const meeting = await this.meetings.meetingById(ctx).load(id);
      if (!meeting) throw notFound('Meeting');
      return meeting.groupId;
    }
    const goal = await this.meetings.goalById(ctx).load(id);
    if (!goal) throw notFound('Goal');
    return goal.groupId;
  }
}
