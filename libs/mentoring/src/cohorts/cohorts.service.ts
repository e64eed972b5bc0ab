import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, badInput, isUniqueViolation, notFound, StaffPermission, type Viewer, viewerHasPermission } from '../../../core/src/index.js';
import type { ActingContext } from '../acting-context.js';
import { MentoringCohortEntity } from '../entities/mentoring-cohort.entity.js';
import { type CreateCohortInput, DEFAULT_WEIGHTS, type UpdateCohortMatchingInput } from '../inputs/cohort.input.js';
import { CohortStatus } from '../mentoring.enums.js';
import { mentoringConflict, MentoringErrorReason } from '../mentoring.errors.js';
import { type Cohort } from '../types/cohort.type.js';
import { ProgramsRepository } from '../programs/programs.repository.js';
import { assertCohortStatus, MATCHING_EDITABLE } from './cohort-status.js';
import { CohortsRepository } from './cohorts.repository.js';
import { pairsVisibleTo } from '../pairs/pairs-visible-to.js';
import { type PairParts, type PairWithPeople } from '../pairs/pairs.repository.js';

const MAX_COHORT_DAYS = 3 * 366;

/** Creating cohorts and moving them from draft to open to matching (publishing lives with the proposals). */
@Injectable()
export class CohortsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cohorts: CohortsRepository,
    private readonly programs: ProgramsRepository,
    private readonly audit: AuditService,
  ) {}

  /** Drafts are for admins only: everyone else is told the cohort does not exist. */
  async findVisible(viewer: Viewer, id: string): Promise<Cohort | null> {
    const cohort = await this.cohorts.rowById(id);
    return cohort && this.visible(viewer, cohort) ? cohort : null;
  }

  /** `findVisible` with the cohort's pairs the viewer may see (`pairsVisibleTo`), with `parts`, read in the same statement. */
  async findVisibleWithPairs(viewer: Viewer, id: string, parts: PairParts): Promise<{ cohort: Cohort; pairs: PairWithPeople[] } | null> {
    const found = await this.cohorts.rowWithPairsById(id, parts, pairsVisibleTo(viewer));
    return found && this.visible(viewer, found.cohort) ? found : null;
  }

  private visible(viewer: Viewer, cohort: Cohort): boolean {
    return cohort.status !== CohortStatus.DRAFT || viewerHasPermission(viewer, StaffPermission.MENTORING_COORDINATOR);
  }

  async create(ctx: ActingContext, input: CreateCohortInput): Promise<MentoringCohortEntity> {
    if (input.endsAt.getTime() <= input.startsAt.getTime()) throw badInput('input.endsAt', 'must be after startsAt');
    if (input.endsAt.getTime() - input.startsAt.getTime() > MAX_COHORT_DAYS * 86_400_000) throw badInput('input.endsAt', 'must be at most 3 years after startsAt');
    if (input.applicationsCloseAt && input.applicationsCloseAt.getTime() > input.startsAt.getTime()) {
      throw badInput('input.applicationsCloseAt', 'must be at or before startsAt');
    }
    const weights = input.matchingWeights ?? DEFAULT_WEIGHTS;
    const settings = input.matchingSettings ?? {};
    try {
      return await this.dataSource.transaction(async (manager) => {
        const program = await this.programs.findById(input.programId, manager);
        if (!program) throw badInput('input.programId', 'is not a mentoring program');
        const cohort = await this.cohorts.insert(manager, {
          programId: program.id,
          name: input.name,
          applicationsCloseAt: input.applicationsCloseAt ?? null,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          weightTopics: weights.topics,
          weightGoals: weights.goals,
          weightExperienceGap: weights.experienceGap,
          weightTimezone: weights.timezone,
          weightFormat: weights.format,
          forbidSameEmployer: settings.forbidSameEmployer ?? true,
          minExperienceGapYears: settings.minExperienceGapYears ?? 2,
          allowRepeatPairs: settings.allowRepeatPairs ?? false,
        });
        await this.audit.record(manager, {
          actorId: ctx.actor.id, action: 'mentoring.cohort.create', targetType: 'Cohort', targetId: cohort.id,
          after: { programId: program.id, name: cohort.name, startsAt: cohort.startsAt, endsAt: cohort.endsAt }, requestId: ctx.requestId,
        });
        return cohort;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'mentoring_cohorts_program_name_uq')) {
        throw mentoringConflict(MentoringErrorReason.COHORT_NAME_TAKEN, `The program already has a cohort named "${input.name}"`);
      }
      throw error;
    }
  }

  /** DRAFT (or MATCHING, to take late applications) → APPLICATIONS_OPEN. */
  openApplications(ctx: ActingContext, cohortId: string): Promise<MentoringCohortEntity> {
    return this.transition(ctx, cohortId, [CohortStatus.DRAFT, CohortStatus.MATCHING], CohortStatus.APPLICATIONS_OPEN, 'open applications', (cohort) => {
      if (cohort.applicationsCloseAt && cohort.applicationsCloseAt.getTime() <= Date.now()) {
        throw mentoringConflict(MentoringErrorReason.APPLICATIONS_CLOSED, 'Cannot open applications: the cohort\'s applicationsCloseAt has passed');
      }
    });
  }

  /** APPLICATIONS_OPEN → MATCHING. */
  closeApplications(ctx: ActingContext, cohortId: string): Promise<MentoringCohortEntity> {
    return this.transition(ctx, cohortId, [CohortStatus.APPLICATIONS_OPEN], CohortStatus.MATCHING, 'close applications');
  }

  async updateMatching(ctx: ActingContext, cohortId: string, input: UpdateCohortMatchingInput): Promise<MentoringCohortEntity> {
    return this.dataSource.transaction(async (manager) => {
      const cohort = await this.lockExisting(manager, cohortId);
      assertCohortStatus(cohort, MATCHING_EDITABLE, 'change the matching of a published cohort');
      const before = this.matchingOf(cohort);
      const w = input.matchingWeights;
      if (w) Object.assign(cohort, { weightTopics: w.topics, weightGoals: w.goals, weightExperienceGap: w.experienceGap, weightTimezone: w.timezone, weightFormat: w.format });
      const s = input.matchingSettings;
      if (s?.forbidSameEmployer !== undefined && s.forbidSameEmployer !== null) cohort.forbidSameEmployer = s.forbidSameEmployer;
      if (s?.minExperienceGapYears !== undefined && s.minExperienceGapYears !== null) cohort.minExperienceGapYears = s.minExperienceGapYears;
      if (s?.allowRepeatPairs !== undefined && s.allowRepeatPairs !== null) cohort.allowRepeatPairs = s.allowRepeatPairs;
      await this.cohorts.save(manager, cohort);
      await this.audit.record(manager, {
        actorId: ctx.actor.id, action: 'mentoring.cohort.update-matching', targetType: 'Cohort', targetId: cohort.id,
        before, after: this.matchingOf(cohort), requestId: ctx.requestId,
      });
      return cohort;
    });
  }

  async lockExisting(manager: EntityManager, cohortId: string): Promise<MentoringCohortEntity> {
    const cohort = await this.cohorts.lockById(manager, cohortId);
    if (!cohort) throw notFound('Cohort');
    return cohort;
  }

  private async transition(
    ctx: ActingContext,
    cohortId: string,
    from: CohortStatus[],
    to: CohortStatus,
    action: string,
    check?: (cohort: MentoringCohortEntity) => void,
  ): Promise<MentoringCohortEntity> {
    return this.dataSource.transaction(async (manager) => {
      const cohort = await this.lockExisting(manager, cohortId);
      assertCohortStatus(cohort, from, action);
      check?.(cohort);
      const before = cohort.status;
      cohort.status = to;
      await this.cohorts.save(manager, cohort);
      await this.audit.record(manager, {
        actorId: ctx.actor.id, action: `mentoring.cohort.${to.toLowerCase()}`, targetType: 'Cohort', targetId: cohort.id,
        before: { status: before }, after: { status: to }, requestId: ctx.requestId,
      });
      return cohort;
    });
  }

  private matchingOf(cohort: MentoringCohortEntity): object {
    return {
      weights: [cohort.weightTopics, cohort.weightGoals, cohort.weightExperienceGap, cohort.weightTimezone, cohort.weightFormat],
      forbidSameEmployer: cohort.forbidSameEmployer,
      minExperienceGapYears: cohort.minExperienceGapYears,
      allowRepeatPairs: cohort.allowRepeatPairs,
    };
  }
}
