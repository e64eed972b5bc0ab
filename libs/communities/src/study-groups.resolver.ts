import { Args, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type GraphQLResolveInfo } from 'graphql';
import { Authenticated, CurrentRequest, CurrentViewer, mapNodes, Public, type RequestContext, selects, type Viewer } from '../../core/src/index.js';
import { fromGroupArg, GroupOrganisersOrAdmin, InGoodStanding } from './access/group-access.decorator.js';
import { StudyGroupIdArgs, StudyGroupsArgs } from './args/study-group.args.js';
import { MAX_GROUP_SIZE } from './communities.limits.js';
import { memberPartsUnderGroup } from './member-parts-asked.js';
import { CreateStudyGroupInput, UpdateStudyGroupInput } from './inputs/study-group.inputs.js';
import { GroupMeetingsLoader } from './group-meetings.loader.js';
import { StudyGroupsLoader } from './study-groups.loader.js';
import { StudyGroupsService } from './study-groups.service.js';
import { GroupMember } from './types/group-member.type.js';
import { MeetingRole, StudyGroup, StudyGroupConnection } from './types/study-group.type.js';

/**
 * The group catalogue is public, like an events calendar (name, topic, description, rhythm, upcoming
 * times, how full it is), so people can find a group and subscribe to its .ics. Who is in it and
 * what happens inside is for its members: those fields carry their own guards.
 */
@Resolver(() => StudyGroup)
export class StudyGroupsResolver {
  constructor(
    private readonly groups: StudyGroupsService,
    private readonly loaders: StudyGroupsLoader,
    private readonly meetingLoaders: GroupMeetingsLoader,
  ) {}

  @Public()
  @Query(() => StudyGroupConnection, { description: 'Groups open for joining (FORMING and ACTIVE unless `status` says otherwise), by name.' })
  async studyGroups(@Args() args: StudyGroupsArgs): Promise<StudyGroupConnection> {
    const page = await this.groups.search(args);
    return mapNodes(page, (node) => StudyGroup.from(node));
  }

  @Public()
  @Query(() => StudyGroup, { nullable: true })
  async studyGroup(@Args() { id }: StudyGroupIdArgs, @CurrentRequest() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<StudyGroup | null> {
    // Read with the group (one statement): a signed-in viewer's `members` (the loader that `members` reads is primed
    // with them; its own guard still decides whether they are shown), and the current meetings `upcomingMeetings`
    // starts from (primed for the upcoming loader's batch).
    const members = memberPartsUnderGroup(info);
    const found = await this.groups.findRow(id, {
      members: ctx.viewer && selects(info, ['members']) ? members : undefined,
      meetings: selects(info, ['upcomingMeetings']),
    });
    if (!found) return null;
    if (found.members) this.loaders.activeMemberRows(ctx, members).prime(found.group.id, found.members);
    if (found.meetings) this.meetingLoaders.primeCurrentMeetings(ctx, found.group.id, found.meetings);
    return StudyGroup.from(found.group);
  }

  @Authenticated()
  @Query(() => [StudyGroup], { description: 'Groups you are in or have asked to join (at most 200), by name.' })
  async myStudyGroups(@CurrentViewer() viewer: Viewer): Promise<StudyGroup[]> {
    return (await this.groups.mine(viewer)).map(StudyGroup.from);
  }

  @Authenticated()
  @InGoodStanding()
  @Mutation(() => StudyGroup, { description: 'Members in good standing (ACTIVE or GRACE) and admins. The creator becomes the organiser.' })
  async createStudyGroup(@Args('input') input: CreateStudyGroupInput, @CurrentViewer() viewer: Viewer): Promise<StudyGroup> {
    return StudyGroup.from(await this.groups.create(viewer, input));
  }

  @Authenticated()
  @GroupOrganisersOrAdmin(fromGroupArg('id'))
  @Mutation(() => StudyGroup, { description: 'Organisers and admins.' })
  async updateStudyGroup(
    @Args() { id }: StudyGroupIdArgs,
    @Args('input') input: UpdateStudyGroupInput,
    @CurrentViewer() actor: Viewer,
    @CurrentRequest() ctx: RequestContext,
  ): Promise<StudyGroup> {
    return StudyGroup.from(await this.groups.update({ actor, requestId: ctx.requestId }, id, input));
  }

  @Public()
  @ResolveField(() => Int, { description: 'Active members.' })
  memberCount(@Parent() group: StudyGroup, @CurrentRequest() ctx: RequestContext): Promise<number> {
    return this.loaders.memberCount(ctx).load(group.id);
  }

  @Public()
  @ResolveField(() => Int, { description: 'Places left before the group is full.' })
  async spotsLeft(@Parent() group: StudyGroup, @CurrentRequest() ctx: RequestContext): Promise<number> {
    return Math.max(0, (group.capacity ?? MAX_GROUP_SIZE) - (await this.loaders.memberCount(ctx).load(group.id)));
  }

  @Public()
  @ResolveField(() => [MeetingRole], { description: 'The roles the group rotates, in order.' })
  async meetingRoles(@Parent() group: StudyGroup, @CurrentRequest() ctx: RequestContext): Promise<MeetingRole[]> {
    return (await this.loaders.roles(ctx).load(group.id)).map((r) => ({ role: r.role, description: r.description }));
  }

  @Public()
  @ResolveField(() => GroupMember, { nullable: true, description: 'Your own place in the group (pending or active); null if none or signed out.' })
  async viewerMembership(@Parent() group: StudyGroup, @CurrentRequest() ctx: RequestContext): Promise<GroupMember | null> {
    return (await this.loaders.viewerMembership(ctx).load(group.id)) ?? null;
  }
}
