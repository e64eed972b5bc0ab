import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type KeyedRowsSpec, rowListJson, type RowListJson, rowListsByKey } from '../../../core/src/index.js';
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
 * A pair's check-ins as one JSON array inside a statement over `mentoring_pairs <pairAlias>` (latest first, the same
 * rows and order as `byPairIds`), and how to read them back.
 */
export function checkInsJsonOfPair(pairAlias: string): RowListJson<CheckIn> {
  return rowListJson<CheckIn>(CHECK_INS_OF_PAIR, `${pairAlias}.id`, ['happenedAt', 'confirmedAt', 'createdAt']);
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
