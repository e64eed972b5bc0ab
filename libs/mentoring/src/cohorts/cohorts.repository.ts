import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MentoringCohortEntity } from '../entities/mentoring-cohort.entity.js';

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
