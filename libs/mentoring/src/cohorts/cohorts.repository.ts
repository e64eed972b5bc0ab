import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type RowListJson } from '../../../core/src/index.js';
import { MentoringCohortEntity } from '../entities/mentoring-cohort.entity.js';
import { pairsJsonOfCohort, type PairParts, type PairsOf, type PairWithPeople } from '../pairs/pairs.repository.js';
import { type Cohort } from '../types/cohort.type.js';

/** The select list of a plain Cohort row over `mentoring_cohorts c` (the GraphQL type's fields, no entity). */
const COHORT_ROW_COLUMNS = Object.entries({
  id: 'id', programId: 'program_id', name: 'name', status: 'status', applicationsCloseAt: 'applications_close_at', startsAt: 'starts_at', endsAt: 'ends_at',
  publishedAt: 'published_at', weightTopics: 'weight_topics', weightGoals: 'weight_goals', weightExperienceGap: 'weight_experience_gap',
  weightTimezone: 'weight_timezone', weightFormat: 'weight_format', forbidSameEmployer: 'forbid_same_employer',
  minExperienceGapYears: 'min_experience_gap_years', allowRepeatPairs: 'allow_repeat_pairs',
} satisfies Record<keyof Cohort, string>)
  .map(([key, column]) => `c.${column} AS "${key}"`)
  .join(', ');

/**
 * `rowWithPairsById`'s statement per pairs list (built once per shape), built once: not concatenated, and its text
 * hashed again for its prepared statement's name, on every request.
 */
const cohortWithPairsStatements = new WeakMap<RowListJson<PairWithPeople>, string>();

@Injectable()
export class CohortsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(MentoringCohortEntity);
  }

  insert(manager: EntityManager, cohort: Omit<MentoringCohortEntity, 'id' | 'createdAt' | 'updatedAt' | 'program' | 'publishedAt' | 'status'>): Promise<MentoringCohortEntity> {
    return this.repo(manager).save(this.repo(manager).create(cohort));
  }

  findById(id: string, manager?: EntityManager): Promise<MentoringCohortEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /** The cohort as its GraphQL type reads it: a plain row (read paths). */
  async rowById(id: string): Promise<Cohort | null> {
    const rows: Cohort[] = await this.dataSource.query(`SELECT ${COHORT_ROW_COLUMNS} FROM mentoring_cohorts c WHERE c.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The cohort as a plain row with its pairs (`pairsJsonOfCohort`: those of `of`, or every pair), in one statement. */
  async rowWithPairsById(id: string, parts: PairParts, of: PairsOf): Promise<{ cohort: Cohort; pairs: PairWithPeople[] } | null> {
    const pairs = pairsJsonOfCohort(parts, of);
    let statement = cohortWithPairsStatements.get(pairs);
    if (statement === undefined) {
      statement = `SELECT ${COHORT_ROW_COLUMNS}, ${pairs.sql} AS "pairs" FROM mentoring_cohorts c WHERE c.id = $1`;
      cohortWithPairsStatements.set(pairs, statement);
    }
    const rows: Array<Cohort & { pairs?: unknown }> = await this.dataSource.query(statement, of === null ? [id] : [id, of]);
    const row = rows[0];
    if (!row) return null;
    const read = pairs.read(row.pairs, row.id);
    row.pairs = undefined;
    return { cohort: row, pairs: read };
  }

  /** Everything that changes a cohort's state or its pairs takes this lock first. */
  lockById(manager: EntityManager, id: string): Promise<MentoringCohortEntity | null> {
    return this.repo(manager).createQueryBuilder('c').where('c.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  /** Shared: the cohort cannot change state (e.g. publish) while the holder works on one application. */
  lockForShare(manager: EntityManager, id: string): Promise<MentoringCohortEntity | null> {
    return this.repo(manager).createQueryBuilder('c').where('c.id = :id', { id }).setLock('pessimistic_read').getOne();
  }

  save(manager: EntityManager, cohort: MentoringCohortEntity): Promise<MentoringCohortEntity> {
    return this.repo(manager).save(cohort);
  }

  async findByIds(ids: readonly string[]): Promise<Array<MentoringCohortEntity | undefined>> {
    const rows = await this.repo().createQueryBuilder('c').where('c.id = ANY(:ids)', { ids }).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  }

  /** Each program's cohorts, latest start first. */
  async byProgramIds(programIds: readonly string[]): Promise<MentoringCohortEntity[][]> {
    const rows = await this.repo()
      .createQueryBuilder('c')
      .where('c.program_id = ANY(:programIds)', { programIds })
      .orderBy('c.starts_at', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .getMany();
    const grouped = new Map<string, MentoringCohortEntity[]>(programIds.map((id) => [id, []]));
    for (const row of rows) grouped.get(row.programId)?.push(row);
    return programIds.map((id) => grouped.get(id) ?? []);
  }
}
