import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type KeyedRowsSpec, rememberedByKey, rowFieldsAsked, rowListJson, type RowListJson, rowListsByKey } from '../../../core/src/index.js';
import { MentoringCheckInEntity } from '../entities/mentoring-check-in.entity.js';
import { type CheckIn } from '../types/check-in.type.js';

/** A CheckIn's fields (the GraphQL type's, no entity) → SQL over `mentoring_check_ins c`. */
const CHECK_IN_SQL = {
  id: 'c.id', pairId: 'c.pair_id', loggedById: 'c.logged_by_id', happenedAt: 'c.happened_at', durationMinutes: 'c.duration_minutes', notes: 'c.notes',
  nextSteps: 'c.next_steps', confirmedAt: 'c.confirmed_at', credits: 'c.credits::float8', createdAt: 'c.created_at',
} satisfies Record<keyof CheckIn, string>;
export type CheckInField = keyof typeof CHECK_IN_SQL;
const CHECK_IN_FIELDS = Object.keys(CHECK_IN_SQL) as CheckInField[];
const CHECK_IN_TIMES: readonly CheckInField[] = ['happenedAt', 'confirmedAt', 'createdAt'];
/** A pair's check-ins as the CheckIn type reads them (plain rows, no entities), latest first. */
const CHECK_INS_OF_PAIR: KeyedRowsSpec = {
  table: 'mentoring_check_ins',
  keyColumn: 'pair_id',
  columns: CHECK_IN_SQL,
  orderBy: 'c.happened_at DESC, c.id',
};

/**
 * The CheckIn fields a selection reads (`asked`: the names under `checkIns`), always with `id` and `pairId`; every
 * field when one asked is not a CheckIn field this knows.
 */
export function checkInFieldsAsked(asked: ReadonlySet<string>): readonly CheckInField[] {
  // `loggedBy` is resolved through the users loader by `loggedById`.
  return rowFieldsAsked(asked, CHECK_IN_FIELDS, ['id', 'pairId'], { loggedBy: ['loggedById'] });
}

/** Built once per pair alias and list of fields. */
const checkInsJson = rememberedByKey(
  ({ pairAlias, fields }: { pairAlias: string; fields: readonly CheckInField[] }) => `${pairAlias}|${fields.join(',')}`,
  ({ pairAlias, fields }) =>
    rowListJson<CheckIn>(
      { ...CHECK_INS_OF_PAIR, columns: Object.fromEntries(fields.map((field) => [field, CHECK_IN_SQL[field]])) },
      `${pairAlias}.id`,
      CHECK_IN_TIMES.filter((field) => fields.includes(field)),
      [],
      { parentKeyAs: 'pairId' },
    ),
);

/**
 * A pair's check-ins as one JSON array inside a statement over `mentoring_pairs <pairAlias>` (latest first, the same
 * rows and order as `byPairIds`) with only `fields` (`checkInFieldsAsked`; every field when omitted), and how to read
 * them back. Rows with fewer fields are carried on their pair (`MentoringPair.checkIns`), never loaded by id.
 */
export function checkInsJsonOfPair(pairAlias: string, fields: readonly CheckInField[] = CHECK_IN_FIELDS): RowListJson<CheckIn> {
  return checkInsJson({ pairAlias, fields });
}

@Injectable()
export class CheckInsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(MentoringCheckInEntity);
  }

  insert(manager: EntityManager, checkIn: Pick<MentoringCheckInEntity, 'pairId' | 'loggedById' | 'happenedAt' | 'durationMinutes' | 'notes' | 'nextSteps'>): Promise<MentoringCheckInEntity> {
    return this.repo(manager).save(this.repo(manager).create(checkIn));
  }

  save(manager: EntityManager, checkIn: MentoringCheckInEntity): Promise<MentoringCheckInEntity> {
    return this.repo(manager).save(checkIn);
  }

  findById(id: string, manager?: EntityManager): Promise<MentoringCheckInEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  lockById(manager: EntityManager, id: string): Promise<MentoringCheckInEntity | null> {
    return this.repo(manager).createQueryBuilder('c').where('c.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  countForPair(manager: EntityManager, pairId: string): Promise<number> {
    return this.repo(manager).countBy({ pairId });
  }

  /** Each pair's check-ins, latest first, as plain rows. One statement. */
  byPairIds(pairIds: readonly string[]): Promise<CheckIn[][]> {
    return rowListsByKey<CheckIn>(this.dataSource, CHECK_INS_OF_PAIR, pairIds);
  }
}
