import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentRequest, CurrentViewer, type RequestContext, type Viewer } from '../../core/src/index.js';
import { fromGroupArg, fromMeetingArg, fromParent, GroupMembersOnly, GroupMembersOrAdmin, GroupOrganisersOrAdmin } from './access/group-access.decorator.js';
import { AccountabilityService } from './accountability.service.js';
import { MeetingIdArgs } from './args/meeting.args.js';
import { GroupIdArgs } from './args/study-group.args.js';
import { AccountabilityCheckInInput } from './inputs/meeting.inputs.js';
import { StudyGroupsLoader } from './study-groups.loader.js';
import { AccountabilityPair } from './types/accountability-pair.type.js';
import { AccountabilityCheckIn } from './types/group-meeting.type.js';
import { StudyGroup } from './types/study-group.type.js';

@Resolver(() => StudyGroup)
export class AccountabilityResolver {
  constructor(
    private readonly accountability: AccountabilityService,
    private readonly loaders: StudyGroupsLoader,
  ) {}

  @Authenticated()
  @GroupMembersOnly(fromMeetingArg())
  @Mutation(() => AccountabilityCheckIn, { description: 'Members of the group: your check-in for this meeting (again to change it).' })
  logAccountabilityCheckIn(@Args() { meetingId }: MeetingIdArgs, @Args('input') input: AccountabilityCheckInInput, @CurrentViewer() viewer: Viewer): Promise<AccountabilityCheckIn> {
    return this.accountability.checkIn(viewer, meetingId, input);
  }

  @Authenticated()
  @GroupOrganisersOrAdmin(fromGroupArg())
  @Mutation(() => [AccountabilityPair], { description: 'Organisers and admins: a new round of partners (a trio when odd), avoiding earlier pairings.' })
  pairAccountabilityPartners(@Args() { groupId }: GroupIdArgs, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<AccountabilityPair[]> {
    return this.accountability.pair({ actor, requestId: ctx.requestId }, groupId);
  }

  @Authenticated()
  @GroupMembersOrAdmin(fromParent<StudyGroup>((g) => g.id))
  @ResolveField(() => [AccountabilityPair], { description: 'The latest round of partners. Members of the group and admins.' })
  async accountabilityPairs(@Parent() group: StudyGroup, @CurrentRequest() ctx: RequestContext): Promise<AccountabilityPair[]> {
    return (await this.loaders.latestPairs(ctx).load(group.id)).map((row) => Object.assign(new AccountabilityPair(), { round: row.round, memberIds: row.memberIds, createdAt: row.createdAt }));
  }
}
