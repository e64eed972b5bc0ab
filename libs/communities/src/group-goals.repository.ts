import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { GroupGoalEntity } from './entities/group-goal.entity.js';

@Injectable()
export class GroupGoalsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(GroupGoalEntity);
  }

  async findByIds(ids: readonly string[]): Promise<Array<GroupGoalEntity | undefined>> {
    const rows = await this.repo().createQueryBuilder('g').where('g.id = ANY(:ids)', { ids }).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  }

  lockById(manager: EntityManager, id: string): Promise<GroupGoalEntity | null> {
    return this.repo(manager).createQueryBuilder('g').where('g.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  countForGroup(manager: EntityManager, groupId: string): Promise<number> {
    return this.repo(manager).countBy({ groupId });
  }

  insert(manager: EntityManager, goal: Partial<GroupGoalEntity>): Promise<GroupGoalEntity> {
    return this.repo(manager).save(this.repo(manager).create(goal));
  }

  save(manager: EntityManager, goal: GroupGoalEntity): Promise<GroupGoalEntity> {
    return this.repo(manager).save(goal);
  }

  async byGroupIds(groupIds: readonly string[]): Promise<GroupGoalEntity[][]> {
    const rows = await this.repo()
      .createQueryBuilder('g')
      .where('g.group_id = ANY(:groupIds)', { groupIds })
      .orderBy('g.group_id')
      .addOrderBy('g.created_at', 'ASC')
      .addOrderBy('g.id', 'ASC')
      .getMany();
    const grouped = new Map<string, GroupGoalEntity[]>(groupIds.map((id) => [id, []]));
    for (const row of rows) grouped.get(row.groupId)?.push(row);
    return groupIds.map((id) => grouped.get(id)!);
  }
}
