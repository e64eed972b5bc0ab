import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { rememberedByKey, rowListJson, type RowListJson, rowWithJoins } from '../../../core/src/index.js';
import { type User, usersJoin } from '../../../accounts/src/index.js';
import { MentoringPairEntity } from '../entities/mentoring-pair.entity.js';
import { type CheckIn } from '../types/check-in.type.js';
import { type MentoringPair } from '../types/pair.type.js';
import { type CheckInField, checkInsJsonOfPair } from './check-ins.repository.js';

export type NewPair = Omit<MentoringPairEntity, 'id' | 'createdAt' | 'updatedAt' | 'status' | 'lastCheckInAt' | 'endedAt' | 'endReason' | 'endedById' | 'cohort' | 'mentorApplication' | 'menteeApplication' | 'mentorUser' | 'menteeUser'>;

/** How many of a person's pairs `myMentoring` shows (newest first): people take part in few cohorts. */
export const MAX_PAIRS_PER_PERSON = 100;

/** A MentoringPair's fields (the GraphQL type's, no entity) → columns of `mentoring_pairs`. */
const PAIR_COLUMNS = {
  id: 'id', cohortId: 'cohort_id', mentorUserId: 'mentor_user_id', menteeUserId: 'mentee_user_id', status: 'status', startedAt: 'started_at',
  lastCheckInAt: 'last_check_in_at', endedAt: 'ended_at', endReason: 'end_reason',
} satisfies Record<keyof MentoringPair, string>;
const PAIR_FIELDS = Object.keys(PAIR_COLUMNS) as Array<keyof MentoringPair>;
/** The select list of a plain MentoringPair row over `mentoring_pairs p`. */
const PAIR_ROW_COLUMNS = PAIR_FIELDS.map((field) => `p.${PAIR_COLUMNS[field]} AS "${field}"`).join(', ');

/** The mentor's and mentee's joins (accounts' port) with the parts' `peopleFields` (undefined: every column), and a pair with them from a result row; built once per list of fields. */
const peopleJoinsFor = rememberedByKey(
  (parts: PairParts) => parts.peopleFields?.join(',') ?? '*',
  ({ peopleFields }) => {
    const mentor = usersJoin('mr', 'p.mentor_user_id', peopleFields);
    const mentee = usersJoin('me', 'p.mentee_user_id', peopleFields);
    /** A pair with its people (and check-ins, when the statement read them) from one result row. */
    const withPeopleOf = rowWithJoins<PairWithPeople>([...PAIR_FIELDS, 'checkIns'], { mentor, mentee });
    return { mentor, mentee, withPeopleOf };
  },
);

/** What a pair list reads with each pair in its own statement (as the request's fields ask). */
export interface PairParts {
  /** The mentor and the mentee (`MentoringPair.mentor`/`mentee`). */
  people: boolean;
  /**
   * Only these fields of each (accounts' `userFieldsAsked`); undefined: every column. They are carried on the pair
   * (never primed into the users loader), so only the pair's own fields see them.
   */
  peopleFields?: ReadonlyArray<keyof User>;
  /** The pair's check-ins, latest first (`MentoringPair.checkIns`). */
  checkIns: boolean;
  /** Only these fields of each check-in (`checkInFieldsAsked`); undefined: every one. Carried on the pair only. */
  checkInFields?: readonly CheckInField[];
}

/** A pair as its GraphQL type reads it, with what the statement read with it: its mentor, mentee and check-ins. */
export type PairWithPeople = MentoringPair & { mentor?: User; mentee?: User; checkIns?: CheckIn[] };

const PAIR_TIMES = ['startedAt', 'lastCheckInAt', 'endedAt'] as const;

/** Whose pairs a list shows: every pair (null), or only those this person is in. */
export type PairsOf = string | null;

/**
 * A cohort's pairs as one JSON list inside a statement over `mentoring_cohorts c` (the same rows, order and parts as
 * `rowsByCohortIds`), built once per shape: only the pairs of the person in the statement's `$2` when `ofViewer`.
 */
const pairsJsonFor = rememberedByKey(
  ({ parts, ofViewer }: { parts: PairParts; ofViewer: boolean }) => `${pairPartsKey(parts)}|${+ofViewer}`,
  ({ parts, ofViewer }): RowListJson<PairWithPeople> => {
    const { withPeopleOf } = peopleJoinsFor(parts);
    const checkIns = checkInsJsonOfPair('p', parts.checkInFields);
    const list = rowListJson<Record<string, unknown>>(
      {
        table: 'mentoring_pairs',
        alias: 'p',
        keyColumn: 'cohort_id',
        columns: { ...Object.fromEntries(PAIR_FIELDS.map((field) => [field, `p.${PAIR_COLUMNS[field]}`])), ...(parts.checkIns ? { checkIns: checkIns.sql } : {}) },
        where: ofViewer ? 'p.mentor_user_id = $2 OR p.mentee_user_id = $2' : undefined,
        orderBy: 'p.created_at, p.id',
      },
      'c.id',
      PAIR_TIMES,
      parts.people ? [usersJoin('mr', 'p.mentor_user_id', parts.peopleFields), usersJoin('me', 'p.mentee_user_id', parts.peopleFields)] : [],
      { parentKeyAs: 'cohortId' },
    );
    return {
      sql: list.sql,
      read: (value, cohortId) =>
        list.read(value, cohortId).map((row) => {
          if (parts.checkIns) row.checkIns = checkIns.read(row.checkIns, row.id);
          return parts.people ? withPeopleOf(row) : (row as unknown as PairWithPeople);
        }),
    };
  },
);

/** The same for the same parts: a loader's name. */
export function pairPartsKey(parts: PairParts): string {
  return `${+parts.people}${+parts.checkIns}:${parts.peopleFields?.join(',') ?? ''}:${parts.checkInFields?.join(',') ?? ''}`;
}

/**
 * A cohort's pairs as a JSON list inside a statement over `mentoring_cohorts c` (what `rowsByCohortIds` reads for one
 * cohort): its SQL, whose `$2` is `of` when that is a person, and the pairs of the parsed value.
 */
export function pairsJsonOfCohort(parts: PairParts, of: PairsOf): RowListJson<PairWithPeople> {
  return pairsJsonFor({ parts, ofViewer: of !== null });
}

@Injectable()
export class PairsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(MentoringPairEntity);
  }

  /** One multi-row INSERT; the generated ids and defaults come back on the entities. */
  async insertMany(manager: EntityManager, pairs: NewPair[]): Promise<MentoringPairEntity[]> {
    const entities = pairs.map((pair) => this.repo(manager).create(pair));
    if (entities.length) await this.repo(manager).insert(entities);
    return entities;
  }

  findById(id: string, manager?: EntityManager): Promise<MentoringPairEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  lockById(manager: EntityManager, id: string): Promise<MentoringPairEntity | null> {
    return this.repo(manager).createQueryBuilder('p').where('p.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  save(manager: EntityManager, pair: MentoringPairEntity): Promise<MentoringPairEntity> {
    return this.repo(manager).save(pair);
  }

  /** A person's pairs, as mentor or mentee, newest first. */
  forUser(userId: string): Promise<MentoringPairEntity[]> {
    return this.repo()
      .createQueryBuilder('p')
      .where('p.mentor_user_id = :userId OR p.mentee_user_id = :userId', { userId })
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'ASC')
      .limit(MAX_PAIRS_PER_PERSON)
      .getMany();
  }

  /** Each cohort's pairs (only those `userId` is in, when given), in publication order. */
  async byCohortIds(cohortIds: readonly string[], userId: string | null): Promise<MentoringPairEntity[][]> {
    const query = this.repo().createQueryBuilder('p').where('p.cohort_id = ANY(:cohortIds)', { cohortIds });
    if (userId) query.andWhere('(p.mentor_user_id = :userId OR p.mentee_user_id = :userId)', { userId });
    const rows = await query.orderBy('p.created_at', 'ASC').addOrderBy('p.id', 'ASC').getMany();
    const grouped = new Map<string, MentoringPairEntity[]>(cohortIds.map((id) => [id, []]));
    for (const row of rows) grouped.get(row.cohortId)?.push(row);
    return cohortIds.map((id) => grouped.get(id) ?? []);
  }

  /**
   * Each cohort's pairs as plain rows (only those `userId` is in, when given), in publication order, with
   * the `parts` asked for read in the same statement. One statement.
   */
  async rowsByCohortIds(cohortIds: readonly string[], userId: PairsOf, parts: PairParts): Promise<PairWithPeople[][]> {
    const withPeople = parts.people;
    const { mentor: MENTOR, mentee: MENTEE, withPeopleOf } = peopleJoinsFor(parts);
    const checkIns = checkInsJsonOfPair('p', parts.checkInFields);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${PAIR_ROW_COLUMNS}${withPeople ? `, ${MENTOR.select}, ${MENTEE.select}` : ''}${parts.checkIns ? `, ${checkIns.sql} AS "checkIns"` : ''}
         FROM mentoring_pairs p ${withPeople ? `${MENTOR.join} ${MENTEE.join}` : ''}
        WHERE p.cohort_id = ANY($1::uuid[])${userId ? ' AND (p.mentor_user_id = $2 OR p.mentee_user_id = $2)' : ''}
        ORDER BY p.created_at, p.id`,
      userId ? [cohortIds, userId] : [cohortIds],
    );
    const grouped = new Map<string, PairWithPeople[]>(cohortIds.map((id) => [id, []]));
    for (const row of rows) {
      if (parts.checkIns) row.checkIns = checkIns.read(row.checkIns, row.id);
      grouped.get(row.cohortId as string)?.push(withPeople ? withPeopleOf(row) : (row as unknown as MentoringPair));
    }
    return cohortIds.map((id) => grouped.get(id)!);
  }

  /** Moves the pair's last check-in forward (never back). */
  async touchLastCheckIn(manager: EntityManager, pairId: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE mentoring_pairs SET last_check_in_at = GREATEST(coalesce(last_check_in_at, $2), $2), updated_at = now() WHERE id = $1`,
      [pairId, at],
    );
  }
}
