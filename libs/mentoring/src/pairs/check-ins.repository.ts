import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MentoringCheckInEntity } from '../entities/mentoring-check-in.entity.js';

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

  /** Each pair's check-ins, latest first. */
  async byPairIds(pairIds: readonly string[]): Promise<MentoringCheckInEntity[][]> {
    const rows = await this.repo().createQueryBuilder('c').where('c.pair_id = ANY(:pairIds)', { pairIds }).orderBy('c.happened_at', 'DESC').addOrderBy('c.id', 'ASC').getMany();
    const grouped = new Map<string, MentoringCheckInEntity[]>(pairIds.map((id) => [id, []]));
    for (const row of rows) grouped.get(row.pairId)?.push(row);
    return pairIds.map((id) => grouped.get(id) ?? []);
  }
}
