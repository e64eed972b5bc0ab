import { Args, Info, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type GraphQLResolveInfo } from 'graphql';
import { RequiresVerifiedEmail } from '../../accounts/src/index.js';
import { Authenticated, CurrentRequest, CurrentViewer, type RequestContext, type Viewer } from '../../core/src/index.js';
import { fromGroupArg, fromParent, GroupMembersOrAdmin, GroupOrganisersOrAdmin, InGoodStanding } from './access/group-access.decorator.js';
import { GroupIdArgs, GroupMemberArgs } from './args/study-group.args.js';
import { GroupMembershipService } from './group-membership.service.js';
import { memberPartsOfField } from './member-parts-asked.js';
import { StudyGroupsLoader } from './study-groups.loader.js';
import { GroupMember } from './types/group-member.type.js';
import { StudyGroup } from './types/study-group.type.js';

@Resolver(() => StudyGroup)
export class GroupMembersResolver {
  constructor(
    private readonly membership: GroupMembershipService,
    private readonly loaders: StudyGroupsLoader,
  ) {}

  @Authenticated()
  @InGoodStanding()
  @RequiresVerifiedEmail()
  @Mutation(() => GroupMember, { description: 'Members in good standing. OPEN groups: ACTIVE at once while there is room (CONFLICT when full). APPROVAL groups: PENDING.' })
  joinStudyGroup(@Args() { groupId }: GroupIdArgs, @CurrentViewer() viewer: Viewer): Promise<GroupMember> {
    return this.membership.join(viewer, groupId);
  }

  @Authenticated()
  @Mutation(() => Boolean, { description: 'Leaves the group, or withdraws a request. False when you were not in it.' })
  leaveStudyGroup(@Args() { groupId }: GroupIdArgs, @CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.membership.leave(viewer, groupId);
  }

  @Authenticated()
  @GroupOrganisersOrAdmin(fromGroupArg())
  @Mutation(() => GroupMember, { description: 'Organisers and admins: accepts a pending request while there is room.' })
  approveGroupMember(@Args() { groupId, userId }: GroupMemberArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<GroupMember> {
    return this.membership.approve({ actor, requestId: ctx.requestId }, groupId, userId);
  }

  @Authenticated()
  @GroupOrganisersOrAdmin(fromGroupArg())
  @Mutation(() => Boolean, { description: 'Organisers and admins: turns down a pending request.' })
  declineGroupMember(@Args() { groupId, userId }: GroupMemberArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<boolean> {
    return this.membership.decline({ actor, requestId: ctx.requestId }, groupId, userId);
  }

  @Authenticated()
  @GroupMembersOrAdmin(fromParent<StudyGroup>((g) => g.id))
  @ResolveField(() => [GroupMember], { description: 'Active members, longest-standing first. Members of the group and admins.' })
  members(@Parent() group: StudyGroup, @CurrentRequest() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<GroupMember[]> {
    // Each member carries the fields asked, and its user when `user` is asked (`GroupMember.user` answers from it).
    return this.loaders.activeMemberRows(ctx, memberPartsOfField(info)).load(group.id);
  }

  @Authenticated()
  @GroupOrganisersOrAdmin(fromParent<StudyGroup>((g) => g.id))
  @ResolveField(() => [GroupMember], { description: 'Requests waiting for approval, oldest first. Organisers and admins.' })
  pendingMembers(@Parent() group: StudyGroup, @CurrentRequest() ctx: RequestContext): Promise<GroupMember[]> {
    return this.loaders.pendingMembers(ctx).load(group.id);
  }
}
