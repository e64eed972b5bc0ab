import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type KeyedRowsSpec, rowListsByKey } from '../../../core/src/index.js';
import { MentoringCheckInEntity } from '../entities/mentoring-check-in.entity.js';
import { type CheckIn } from '../types/check-in.type.js';

/** A pair's check-ins as the CheckIn type reads them (plain rows, no entities), latest first. */
const CHECK_INS_OF_PAIR: KeyedRowsSpec = {
  table: 'mentoring_check_ins',
  keyColumn: 'pair_id',
  columns: {
    id: 'c.id', pairId: 'c.pair_id', loggedById: 'c.logged_by_id', happenedAt: 'c.happened_at', durationMinutes: 'c.duration_minutes', notes: 'c.notes',
    nextSteps: 'c.next_steps', confirmedAt: 'c.confirmed_at', credits: 'c.credits::float8', createdAt: 'c.created_at',
  } satisfies Record<keyof CheckIn, string>,
  orderBy: 'c.happened_at DESC, c.id',
};

/**
 * A pair's check-ins as one JSON array inside another statement over `mentoring_pairs <pairAlias>` (latest first,
 * the same rows and order as `byPairIds`); `checkInsFromJson` turns the parsed array into CheckIn rows.
 */
export function checkInsJsonOfPair(pairAlias: string): string {
  const fields = Object.entries(CHECK_INS_OF_PAIR.columns).map(([key, sql]) => `'${key}', ${sql}`).join(', ');
  return `(SELECT coalesce(json_agg(json_build_object(${fields}) ORDER BY ${CHECK_INS_OF_PAIR.orderBy}), '[]'::json)
             FROM ${CHECK_INS_OF_PAIR.table} c WHERE c.${CHECK_INS_OF_PAIR.keyColumn} = ${pairAlias}.id)`;
}

/** The CheckIn rows of a parsed `checkInsJsonOfPair` array (its timestamps arrive as ISO strings), converted in place. */
export function checkInsFromJson(items: Array<Record<string, unknown>>): CheckIn[] {
  for (const item of items) {
    item.happenedAt = new Date(item.happenedAt as string);
    item.createdAt = new Date(item.createdAt as string);
    if (item.confirmedAt !== null) item.confirmedAt = new Date(item.confirmedAt as string);
  }
  return items as unknown as CheckIn[];
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
