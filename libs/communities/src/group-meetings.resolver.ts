import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, ConnectionArgs, CurrentRequest, CurrentViewer, lazy, pageSize, Public, type RequestContext, toConnection, type Viewer } from '../../core/src/index.js';
import { fromMeetingArg, fromParent, GroupMembersOnly, GroupMembersOrAdmin, GroupOrganisersOrAdmin } from './access/group-access.decorator.js';
import { MeetingFeedbackArgs, MeetingIdArgs, MoveMeetingArgs, RecordAttendanceArgs, SaveMeetingNotesArgs } from './args/meeting.args.js';
import { UpcomingMeetingsArgs } from './args/study-group.args.js';
import { GroupMeetingsLoader } from './group-meetings.loader.js';
import { GroupMeetingsService } from './group-meetings.service.js';
import { AccountabilityCheckIn, Attendance, GroupMeeting, GroupMeetingConnection, MeetingFeedback, MeetingRoleAssignment } from './types/group-meeting.type.js';
import { StudyGroup } from './types/study-group.type.js';

const ofGroup = fromParent<GroupMeeting>((m) => m.groupId);

/** Meetings as fields of a group: their times are public with the group. */
@Resolver(() => StudyGroup)
export class StudyGroupMeetingsResolver {
  constructor(private readonly loaders: GroupMeetingsLoader) {}

  @Public()
  @ResolveField(() => [GroupMeeting], { description: 'The next meetings that have not ended (cancelled ones left out, moved ones at their new time).' })
  async upcomingMeetings(@Parent() group: StudyGroup, @Args() { count }: UpcomingMeetingsArgs, @CurrentRequest() ctx: RequestContext): Promise<GroupMeeting[]> {
    const rows = await this.loaders.upcoming(ctx, count).load({ id: group.id, status: group.status, series: group.series, version: group.updatedAt });
    return rows.map(GroupMeeting.from);
  }

  @Public()
  @ResolveField(() => GroupMeetingConnection, { description: 'Every meeting written so far (past, cancelled and the coming weeks), in time order.' })
  async meetings(@Parent() group: StudyGroup, @Args() args: ConnectionArgs, @CurrentRequest() ctx: RequestContext): Promise<GroupMeetingConnection> {
    const first = pageSize(args.first);
    const rows = await this.loaders.page(ctx, args.first, args.after).load(group.id);
    return toConnection(rows.map(GroupMeeting.from), first, (m) => [m.startsAt.toISOString(), m.id], lazy(() => this.loaders.meetingCount(ctx).load(group.id)));
  }

  @Public()
  @ResolveField(() => GroupMeetingConnection, { description: 'Meetings that have started (cancelled ones left out), newest first: where members give their feedback.' })
  async pastMeetings(@Parent() group: StudyGroup, @Args() args: ConnectionArgs, @CurrentRequest() ctx: RequestContext): Promise<GroupMeetingConnection> {
    const first = pageSize(args.first);
    const rows = await this.loaders.pastPage(ctx, args.first, args.after).load(group.id);
    return toConnection(rows.map(GroupMeeting.from), first, (m) => [m.startsAt.toISOString(), m.id], lazy(() => this.loaders.pastMeetingCount(ctx).load(group.id)));
  }
}

/** One meeting: organisers move, cancel and take attendance; members keep notes and give feedback. */
@Resolver(() => GroupMeeting)
export class GroupMeetingsResolver {
  constructor(
    private readonly meetings: GroupMeetingsService,
    private readonly loaders: GroupMeetingsLoader,
  ) {}

  @Authenticated()
  @GroupOrganisersOrAdmin(fromMeetingArg())
  @Mutation(() => GroupMeeting, { description: 'Organisers and admins: moves one meeting (not yet started); the series is unchanged.' })
  async moveMeeting(@Args() { meetingId, startsAt }: MoveMeetingArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<GroupMeeting> {
    return GroupMeeting.from(await this.meetings.move({ actor, requestId: ctx.requestId }, meetingId, startsAt));
  }

  @Authenticated()
  @GroupOrganisersOrAdmin(fromMeetingArg())
  @Mutation(() => GroupMeeting, { description: 'Organisers and admins: cancels one meeting (not yet started); the series goes on.' })
  async cancelMeeting(@Args() { meetingId }: MeetingIdArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<GroupMeeting> {
    return GroupMeeting.from(await this.meetings.cancel({ actor, requestId: ctx.requestId }, meetingId));
  }

  @Authenticated()
  @GroupOrganisersOrAdmin(fromMeetingArg())
  @Mutation(() => GroupMeeting, { description: 'Organisers and admins, once the meeting has started: who was there (everyone else active is absent).' })
  async recordAttendance(@Args() { meetingId, userIds }: RecordAttendanceArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<GroupMeeting> {
    return GroupMeeting.from(await this.meetings.recordAttendance({ actor, requestId: ctx.requestId }, meetingId, userIds));
  }

  @Authenticated()
  @GroupMembersOrAdmin(fromMeetingArg())
  @Mutation(() => GroupMeeting, { description: 'Members of the group: the meeting\'s shared notes (replaced whole).' })
  async saveMeetingNotes(@Args() { meetingId, notes }: SaveMeetingNotesArgs, @CurrentViewer() viewer: Viewer): Promise<GroupMeeting> {
    return GroupMeeting.from(await this.meetings.saveNotes(viewer, meetingId, notes));
  }

  @Authenticated()
  @GroupMembersOnly(fromMeetingArg())
  @Mutation(() => Boolean, { description: 'Members of the group, once the meeting has started: a rating 1–5 (again to change it).' })
  submitMeetingFeedback(@Args() { meetingId, rating, comment }: MeetingFeedbackArgs, @CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.meetings.submitFeedback(viewer, meetingId, rating, comment);
  }

  @Authenticated()
  @GroupMembersOrAdmin(ofGroup)
  @ResolveField(() => [MeetingRoleAssignment], { description: 'Who holds which role. Members of the group and admins.' })
  roles(@Parent() meeting: GroupMeeting, @CurrentRequest() ctx: RequestContext): Promise<MeetingRoleAssignment[]> {
    return this.loaders.assignments(ctx).load(meeting.id);
  }

  @Authenticated()
  @GroupMembersOrAdmin(ofGroup)
  @ResolveField(() => [Attendance], { description: 'As recorded (empty until then). Members of the group and admins.' })
  attendance(@Parent() meeting: GroupMeeting, @CurrentRequest() ctx: RequestContext): Promise<Attendance[]> {
    return this.loaders.attendance(ctx).load(meeting.id);
  }

  @Authenticated()
  @GroupMembersOrAdmin(ofGroup)
  @ResolveField(() => String, { nullable: true, description: 'Members of the group and admins.' })
  notes(@Parent() meeting: GroupMeeting): string | null {
    return meeting.notes;
  }

  @Authenticated()
  @GroupMembersOrAdmin(ofGroup)
  @ResolveField(() => MeetingFeedback, { nullable: true, description: 'Your own rating of the meeting, if you gave one. Members of the group and admins.' })
  async myFeedback(@Parent() meeting: GroupMeeting, @CurrentViewer() viewer: Viewer, @CurrentRequest() ctx: RequestContext): Promise<MeetingFeedback | null> {
    return (await this.loaders.myFeedback(ctx, viewer.id).load(meeting.id)) ?? null;
  }

  @Authenticated()
  @GroupMembersOrAdmin(ofGroup)
  @ResolveField(() => [AccountabilityCheckIn], { description: 'Members of the group and admins.' })
  checkIns(@Parent() meeting: GroupMeeting, @CurrentRequest() ctx: RequestContext): Promise<AccountabilityCheckIn[]> {
    return this.loaders.checkIns(ctx).load(meeting.id);
  }
}
