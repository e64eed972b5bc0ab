import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, badInput, conflict, notFound } from '../../core/src/index.js';
import { type ActingContext, auditAdminAction } from './acting-context.js';
import { CommunitiesErrorReason } from './communities.errors.js';
import { MAX_GOALS_PER_GROUP } from './communities.limits.js';
import { GoalStatus, GroupStatus } from './community.enums.js';
import { GroupGoalEntity } from './entities/group-goal.entity.js';
import { GroupGoalsRepository } from './group-goals.repository.js';
import { type GroupGoalInput, type UpdateGroupGoalInput } from './inputs/group-goal.inputs.js';
import { StudyGroupsRepository } from './study-groups.repository.js';

/** The group's goals: any member adds and updates them (learning together); ACHIEVED means 100%. */
@Injectable()
export class GroupGoalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly groups: StudyGroupsRepository,
    private readonly goals: GroupGoalsRepository,
    private readonly audit: AuditService,
  ) {}

  async add(ctx: ActingContext, groupId: string, input: GroupGoalInput): Promise<GroupGoalEntity> {
    return this.dataSource.transaction(async (manager) => {
      const group = await this.groups.lockById(manager, groupId);
      if (!group) throw notFound('Study group');
      if (group.status === GroupStatus.ARCHIVED) throw conflict('The group is archived', CommunitiesErrorReason.GROUP_ARCHIVED);
      if ((await this.goals.countForGroup(manager, groupId)) >= MAX_GOALS_PER_GROUP) {
        throw conflict(`A group has at most ${MAX_GOALS_PER_GROUP} goals`, CommunitiesErrorReason.TOO_MANY_GOALS);
      }
      const goal = await this.goals.insert(manager, {
        groupId, title: input.title, description: input.description?.trim() || null, targetDate: input.targetDate ?? null,
        status: GoalStatus.OPEN, progress: 0, createdBy: ctx.actor.id,
      });
      await auditAdminAction(this.audit, manager, ctx, { action: 'study-group.add-goal', targetType: 'GroupGoal', targetId: goal.id, after: { title: goal.title } });
      return goal;
    });
  }

  async update(ctx: ActingContext, goalId: string, input: UpdateGroupGoalInput): Promise<GroupGoalEntity> {
    return this.dataSource.transaction(async (manager) => {
      const goal = await this.goals.lockById(manager, goalId);
      if (!goal) throw notFound('Goal');
      const before = { status: goal.status, progress: goal.progress };
      if (input.title !== undefined && input.title !== null) goal.title = input.title;
      if (input.description !== undefined) goal.description = input.description?.trim() || null;
      if (input.targetDate !== undefined) goal.targetDate = input.targetDate ?? null;
      if (input.status !== undefined && input.status !== null) goal.status = input.status;
      if (input.progress !== undefined && input.progress !== null) goal.progress = input.progress;
      if (goal.status === GoalStatus.ACHIEVED) {
        if (input.progress !== undefined && input.progress !== null && input.progress !== 100) throw badInput('input.progress', 'must be 100 for an achieved goal');
        goal.progress = 100;
      }
      const saved = await this.goals.save(manager, goal);
      await auditAdminAction(this.audit, manager, ctx, { action: 'study-group.update-goal', targetType: 'GroupGoal', targetId: goal.id, before, after: { status: saved.status, progress: saved.progress } });
      return saved;
    });
  }
}
