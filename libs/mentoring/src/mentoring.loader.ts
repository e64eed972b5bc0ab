import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { RequestContext } from '../../core/src/index.js';
import { type ApplicationCursor, type ApplicationFilter, ApplicationsRepository } from './applications/applications.repository.js';
import { CohortsRepository } from './cohorts/cohorts.repository.js';
import type { MentoringApplicationEntity } from './entities/mentoring-application.entity.js';
import type { MentoringCohortEntity } from './entities/mentoring-cohort.entity.js';
import type { MentoringGoalEntity } from './entities/mentoring-goal.entity.js';
import type { MentoringProgramEntity } from './entities/mentoring-program.entity.js';
import { CheckInsRepository } from './pairs/check-ins.repository.js';
import { GoalsRepository } from './pairs/goals.repository.js';
import { pairPartsKey, type PairParts, type PairsOf, type PairWithPeople, PairsRepository } from './pairs/pairs.repository.js';
import { ProgramsRepository } from './programs/programs.repository.js';
import { type CheckIn } from './types/check-in.type.js';

/**
 * Per-request batch loaders for mentoring: one statement per field per list level. Loaders whose
 * result depends on arguments or on who asks carry those in their name, so each distinct page or
 * viewer scope batches on its own.
 */
@Injectable()
export class MentoringLoader {
  constructor(
    private readonly programs: ProgramsRepository,
    private readonly cohorts: CohortsRepository,
    private readonly applications: ApplicationsRepository,
    private readonly pairs: PairsRepository,
    private readonly goals: GoalsRepository,
    private readonly checkIns: CheckInsRepository,
  ) {}

  programById(ctx: RequestContext): DataLoader<string, MentoringProgramEntity | undefined> {
    return ctx.loaders.get('mentoring.programById', () => new DataLoader((ids: readonly string[]) => this.programs.findByIds(ids)));
  }

  cohortById(ctx: RequestContext): DataLoader<string, MentoringCohortEntity | undefined> {
    return ctx.loaders.get('mentoring.cohortById', () => new DataLoader((ids: readonly string[]) => this.cohorts.findByIds(ids)));
  }

  cohortsByProgramId(ctx: RequestContext): DataLoader<string, MentoringCohortEntity[]> {
    return ctx.loaders.get('mentoring.cohortsByProgramId', () => new DataLoader((ids: readonly string[]) => this.cohorts.byProgramIds(ids)));
  }

  /** One page (up to `limit` rows) of each cohort's applications. */
  applicationsPage(ctx: RequestContext, filter: ApplicationFilter, after: ApplicationCursor | undefined, limit: number): DataLoader<string, MentoringApplicationEntity[]> {
    const name = `mentoring.applicationsPage:${JSON.stringify([filter.role ?? null, filter.status ?? null, filter.userId ?? null, after ?? null, limit])}`;
    return ctx.loaders.get(name, () => new DataLoader((ids: readonly string[]) => this.applications.pageByCohortIds(ids, filter, after, limit)));
  }

  applicationsCount(ctx: RequestContext, filter: ApplicationFilter): DataLoader<string, number> {
    const name = `mentoring.applicationsCount:${JSON.stringify([filter.role ?? null, filter.status ?? null, filter.userId ?? null])}`;
    return ctx.loaders.get(name, () => new DataLoader((ids: readonly string[]) => this.applications.countByCohortIds(ids, filter)));
  }

  /**
   * Each cohort's pairs as plain rows; with `userId`, only the pairs that person is in. Each pair carries the
   * `parts` asked for (mentor and mentee, check-ins), read in the same statement.
   */
  pairsByCohortId(ctx: RequestContext, userId: PairsOf, parts: PairParts): DataLoader<string, PairWithPeople[]> {
    return ctx.loaders.get(`mentoring.pairsByCohortId:${userId ?? '*'}:${pairPartsKey(parts)}`, () =>
      new DataLoader((ids: readonly string[]) => this.pairs.rowsByCohortIds(ids, userId, parts)));
  }


  goalsByPairId(ctx: RequestContext): DataLoader<string, MentoringGoalEntity[]> {
    return ctx.loaders.get('mentoring.goalsByPairId', () => new DataLoader((ids: readonly string[]) => this.goals.byPairIds(ids)));
  }

  checkInsByPairId(ctx: RequestContext): DataLoader<string, CheckIn[]> {
    return ctx.loaders.get('mentoring.checkInsByPairId', () => new DataLoader((ids: readonly string[]) => this.checkIns.byPairIds(ids)));
  }
}
