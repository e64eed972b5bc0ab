import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentRequest, CurrentViewer, type RequestContext, type Viewer } from '../../core/src/index.js';
import { fromGroupArg, fromMeetingArg, fromParent, GroupMembersOrAdmin, GroupOrganisersOrAdmin } from './access/group-access.decorator.js';
import { MeetingIdArgs, SwapMeetingRoleArgs } from './args/meeting.args.js';
import { SetMeetingRolesArgs } from './args/study-group.args.js';
import { RoleRotationService } from './role-rotation.service.js';
import { buildLedger, count } from './rotation/role-rotation.js';
import { StudyGroupsLoader } from './study-groups.loader.js';
import { GroupMeeting } from './types/group-meeting.type.js';
import { RoleTurns } from './types/group-member.type.js';
import { StudyGroup } from './types/study-group.type.js';

@Resolver(() => StudyGroup)
export class MeetingRolesResolver {
  constructor(
    private readonly rotation: RoleRotationService,
    private readonly loaders: StudyGroupsLoader,
  ) {}

  @Authenticated()
  @GroupOrganisersOrAdmin(fromGroupArg())
  @Mutation(() => StudyGroup, { description: 'Organisers and admins: which roles the group rotates, in order. A new role starts from zero for everyone.' })
  async setMeetingRoles(@Args() { groupId, roles }: SetMeetingRolesArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<StudyGroup> {
    return StudyGroup.from(await this.rotation.setRoles({ actor, requestId: ctx.requestId }, groupId, roles));
  }

  @Authenticated()
  @GroupOrganisersOrAdmin(fromMeetingArg())
  @Mutation(() => GroupMeeting, { description: 'Organisers and admins: gives out the meeting\'s roles now, fairly (the job also does it ahead of each meeting).' })
  async assignMeetingRoles(@Args() { meetingId }: MeetingIdArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<GroupMeeting> {
    return GroupMeeting.from(await this.rotation.assign({ actor, requestId: ctx.requestId }, meetingId));
  }

  @Authenticated()
  @GroupOrganisersOrAdmin(fromMeetingArg())
  @Mutation(() => GroupMeeting, { description: 'Organisers and admins: hands a role to another active member (trading if they held one); the turn counts for whoever holds it.' })
  async swapMeetingRole(@Args() { meetingId, role, userId }: SwapMeetingRoleArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<GroupMeeting> {
    return GroupMeeting.from(await this.rotation.swap({ actor, requestId: ctx.requestId }, meetingId, role, userId));
  }

  @Authenticated()
  @GroupMembersOrAdmin(fromParent<StudyGroup>((g) => g.id))
  @ResolveField(() => [RoleTurns], { description: 'The rotation\'s count of turns per active member and role. Members of the group and admins.' })
  async rotationBalance(@Parent() group: StudyGroup, @CurrentRequest() ctx: RequestContext): Promise<RoleTurns[]> {
    const [roles, members, holdings] = await Promise.all([
      this.loaders.roles(ctx).load(group.id),
      this.loaders.activeMembers(ctx).load(group.id),
      this.loaders.holdings(ctx).load(group.id),
    ]);
    const ledger = buildLedger({
      roles: roles.map((r) => ({ role: r.role, addedAt: r.addedAt })),
      members: members.map((m) => ({ userId: m.userId, joinedAt: m.joinedAt!, base: m.rotationBase })),
      holdings,
    });
    return ledger.members.flatMap((userId) => ledger.roles.map((role) => Object.assign(new RoleTurns(), { userId, role, turns: count(ledger, userId, role) })));
  }
}
