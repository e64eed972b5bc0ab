import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentRequest, CurrentViewer, type RequestContext, type Viewer } from '../../core/src/index.js';
import { fromGoalArg, fromGroupArg, fromParent, GroupMembersOrAdmin } from './access/group-access.decorator.js';
import { GoalIdArgs } from './args/meeting.args.js';
import { GroupIdArgs } from './args/study-group.args.js';
import { GroupGoalsService } from './group-goals.service.js';
import { GroupGoalInput, UpdateGroupGoalInput } from './inputs/group-goal.inputs.js';
import { StudyGroupsLoader } from './study-groups.loader.js';
import { GroupGoal } from './types/group-goal.type.js';
import { StudyGroup } from './types/study-group.type.js';

@Resolver(() => StudyGroup)
export class GroupGoalsResolver {
  constructor(
    private readonly service: GroupGoalsService,
    private readonly loaders: StudyGroupsLoader,
  ) {}

  @Authenticated()
  @GroupMembersOrAdmin(fromGroupArg())
  @Mutation(() => GroupGoal, { description: 'Members of the group and admins (at most 50 goals a group).' })
  addGroupGoal(@Args() { groupId }: GroupIdArgs, @Args('input') input: GroupGoalInput, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<GroupGoal> {
    return this.service.add({ actor, requestId: ctx.requestId }, groupId, input);
  }

  @Authenticated()
  @GroupMembersOrAdmin(fromGoalArg())
  @Mutation(() => GroupGoal, { description: 'Members of the group and admins.' })
  updateGroupGoal(@Args() { goalId }: GoalIdArgs, @Args('input') input: UpdateGroupGoalInput, @CurrentViewer() actor: Viewer, @CurrentRequest() ctx: RequestContext): Promise<GroupGoal> {
    return this.service.update({ actor, requestId: ctx.requestId }, goalId, input);
  }

  @Authenticated()
  @GroupMembersOrAdmin(fromParent<StudyGroup>((g) => g.id))
  @ResolveField(() => [GroupGoal], { description: 'Oldest first. Members of the group and admins.' })
  goals(@Parent() group: StudyGroup, @CurrentRequest() ctx: RequestContext): Promise<GroupGoal[]> {
    return this.loaders.goals(ctx).load(group.id);
  }
}
