import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound, type Viewer } from '../../../core/src/index.js';
import type { MentoringGoalEntity } from '../entities/mentoring-goal.entity.js';
import type { GoalInput, UpdateGoalInput } from '../inputs/goal.input.js';
import { MentoringGoalStatus } from '../mentoring.enums.js';
import { mentoringConflict, MentoringErrorReason } from '../mentoring.errors.js';
import { MAX_GOALS_PER_PAIR } from '../mentoring.limits.js';
import { GoalsRepository } from './goals.repository.js';
import { PairsService } from './pairs.service.js';

/** Goals belong to the pair: its mentor and mentee set and update them. */
@Injectable()
export class GoalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly goals: GoalsRepository,
    private readonly pairs: PairsService,
  ) {}

  async set(viewer: Viewer, pairId: string, input: GoalInput): Promise<MentoringGoalEntity> {
    return this.dataSource.transaction(async (manager) => {
      const pair = await this.pairs.lockForParticipant(manager, viewer, pairId, false);
      this.pairs.assertActive(pair, 'set a goal');
      if ((await this.goals.countForPair(manager, pair.id)) >= MAX_GOALS_PER_PAIR) {
        throw mentoringConflict(MentoringErrorReason.TOO_MANY_GOALS, `A pair can have at most ${MAX_GOALS_PER_PAIR} goals`);
      }
      return this.goals.insert(manager, {
        pairId: pair.id,
        title: input.title,
        description: input.description ?? null,
        targetDate: input.targetDate ?? null,
        createdById: viewer.id,
      });
    });
  }

  async update(viewer: Viewer, goalId: string, input: UpdateGoalInput): Promise<MentoringGoalEntity> {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.goals.findById(goalId, manager);
      if (!found) throw notFound('Goal');
      await this.pairs.lockForParticipant(manager, viewer, found.pairId, false);
      // Read again under the pair lock: edits of one pair's goals queue up.
      const goal = await this.goals.findById(goalId, manager);
      if (!goal) throw notFound('Goal');
      if (input.title !== undefined && input.title !== null) goal.title = input.title;
      if (input.description !== undefined) goal.description = input.description ?? null;
      if (input.targetDate !== undefined) goal.targetDate = input.targetDate ?? null;
      if (input.status !== undefined && input.status !== null && input.status !== goal.status) {
        goal.status = input.status;
        goal.completedAt = input.status === MentoringGoalStatus.COMPLETED ? new Date() : null;
      }
      return this.goals.save(manager, goal);
    });
  }
}
