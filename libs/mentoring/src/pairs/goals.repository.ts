import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MentoringGoalEntity } from '../entities/mentoring-goal.entity.js';

@Injectable()
export class GoalsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(MentoringGoalEntity);
  }

  insert(manager: EntityManager, goal: Pick<MentoringGoalEntity, 'pairId' | 'title' | 'description' | 'targetDate' | 'createdById'>): Promise<MentoringGoalEntity> {
    return this.repo(manager).save(this.repo(manager).create(goal));
  }

  save(manager: EntityManager, goal: MentoringGoalEntity): Promise<MentoringGoalEntity> {
    return this.repo(manager).save(goal);
  }

  findById(id: string, manager?: EntityManager): Promise<MentoringGoalEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  countForPair(manager: EntityManager, pairId: string): Promise<number> {
    return this.repo(manager).countBy({ pairId });
  }

  async byPairIds(pairIds: readonly string[]): Promise<MentoringGoalEntity[][]> {
    const rows = await this.repo().createQueryBuilder('g').where('g.pair_id = ANY(:pairIds)', { pairIds }).orderBy('g.created_at', 'ASC').addOrderBy('g.id', 'ASC').getMany();
    const grouped = new Map<string, MentoringGoalEntity[]>(pairIds.map((id) => [id, []]));
    for (const row of rows) grouped.get(row.pairId)?.push(row);
    return pairIds.map((id) => grouped.get(id) ?? []);
  }
}
