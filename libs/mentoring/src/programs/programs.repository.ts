import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MentoringProgramEntity } from '../entities/mentoring-program.entity.js';

/** Programs are few (an association runs a handful); the list is capped all the same. */
export const MAX_PROGRAMS_LISTED = 200;

@Injectable()
export class ProgramsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(MentoringProgramEntity);
  }

  insert(manager: EntityManager, program: Pick<MentoringProgramEntity, 'name' | 'description' | 'membersOnly' | 'ceCreditsPerHour'>): Promise<MentoringProgramEntity> {
    return this.repo(manager).save(this.repo(manager).create(program));
  }

  findById(id: string, manager?: EntityManager): Promise<MentoringProgramEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  listByName(): Promise<MentoringProgramEntity[]> {
    return this.repo().find({ order: { name: 'ASC', id: 'ASC' }, take: MAX_PROGRAMS_LISTED });
  }

  /** Rows in the order of `ids` (missing ones as undefined): the shape DataLoader wants. */
  async findByIds(ids: readonly string[]): Promise<Array<MentoringProgramEntity | undefined>> {
    const rows = await this.repo().createQueryBuilder('p').where('p.id = ANY(:ids)', { ids }).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  }
}
