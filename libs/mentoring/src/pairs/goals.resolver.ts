import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentViewer, type Viewer } from '../../../core/src/index.js';
import { GoalIdArgs, PairIdArgs } from '../args/id.args.js';
import type { MentoringGoalEntity } from '../entities/mentoring-goal.entity.js';
import { GoalInput, UpdateGoalInput } from '../inputs/goal.input.js';
import { MentoringGoal } from '../types/goal.type.js';
import { GoalsService } from './goals.service.js';

@Resolver(() => MentoringGoal)
export class GoalsResolver {
  constructor(private readonly goals: GoalsService) {}

  @Authenticated()
  @Mutation(() => MentoringGoal, { description: "The pair's mentor or mentee, while the pair is active." })
  setGoal(@Args() { pairId }: PairIdArgs, @Args('input') input: GoalInput, @CurrentViewer() viewer: Viewer): Promise<MentoringGoalEntity> {
    return this.goals.set(viewer, pairId, input);
  }

  @Authenticated()
  @Mutation(() => MentoringGoal, { description: "The pair's mentor or mentee." })
  updateGoal(@Args() { goalId }: GoalIdArgs, @Args('input') input: UpdateGoalInput, @CurrentViewer() viewer: Viewer): Promise<MentoringGoalEntity> {
    return this.goals.update(viewer, goalId, input);
  }
}
