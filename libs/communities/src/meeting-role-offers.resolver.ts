import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentRequest, CurrentViewer, type RequestContext, type Viewer } from '../../core/src/index.js';
import { User, UsersLoader } from '../../accounts/src/index.js';
import { fromMeetingArg, fromParent, GroupMembersOnly, GroupMembersOrAdmin } from './access/group-access.decorator.js';
import { AnswerMeetingRoleOfferArgs, OfferMeetingRoleArgs } from './args/meeting.args.js';
import { GroupMeetingsLoader } from './group-meetings.loader.js';
import { MeetingRoleOffersService } from './meeting-role-offers.service.js';
import { GroupMeeting, MeetingRoleOffer } from './types/group-meeting.type.js';

/** Members hand their meeting roles to each other, with the other's consent. */
@Resolver(() => GroupMeeting)
export class MeetingRoleOffersResolver {
  constructor(
    private readonly offers: MeetingRoleOffersService,
    private readonly loaders: GroupMeetingsLoader,
  ) {}

  @Authenticated()
  @GroupMembersOnly(fromMeetingArg())
  @Mutation(() => GroupMeeting, { description: 'Members of the group: offers a role you hold at a meeting that has not started to another active member (a new offer of the role replaces the last). They are told by email and accept or decline.' })
  async offerMeetingRole(@Args() { meetingId, role, userId }: OfferMeetingRoleArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<GroupMeeting> {
    return GroupMeeting.from(await this.offers.offer({ actor, requestId: ctx.requestId }, meetingId, role, userId));
  }

  @Authenticated()
  @GroupMembersOnly(fromMeetingArg())
  @Mutation(() => GroupMeeting, { description: 'The member a role was offered to: accept (the role is yours, and yours theirs if it was a trade; CONFLICT ROLES_CHANGED when either holder changed since) or decline.' })
  async answerMeetingRoleOffer(@Args() { meetingId, role, accept }: AnswerMeetingRoleOfferArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<GroupMeeting> {
    return GroupMeeting.from(await this.offers.answer({ actor, requestId: ctx.requestId }, meetingId, role, accept));
  }

  @Authenticated()
  @GroupMembersOrAdmin(fromParent<GroupMeeting>((m) => m.groupId))
  @ResolveField(() => [MeetingRoleOffer], { description: 'Role offers waiting for an answer. Members of the group and admins.' })
  roleOffers(@Parent() meeting: GroupMeeting, @CurrentRequest() ctx: RequestContext): Promise<MeetingRoleOffer[]> {
    return this.loaders.roleOffers(ctx).load(meeting.id);
  }
}

/** Who offers and who is asked, through the per-request users loader (offers are reached only through the guarded field). */
@Resolver(() => MeetingRoleOffer)
export class MeetingRoleOfferPeopleResolver {
  constructor(private readonly users: UsersLoader) {}

  @Authenticated()
  @ResolveField(() => User)
  async from(@Parent() offer: MeetingRoleOffer, @CurrentRequest() ctx: RequestContext): Promise<User> {
    const user = await this.users.byId(ctx).load(offer.fromUserId);
    if (!user) throw new Error(`user ${offer.fromUserId} not found`);
    return user;
  }

  @Authenticated()
  @ResolveField(() => User)
  async to(@Parent() offer: MeetingRoleOffer, @CurrentRequest() ctx: RequestContext): Promise<User> {
    const user = await this.users.byId(ctx).load(offer.toUserId);
    if (!user) throw new Error(`user ${offer.toUserId} not found`);
    return user;
  }
}
