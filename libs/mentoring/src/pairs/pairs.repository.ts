import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MentoringPairEntity } from '../entities/mentoring-pair.entity.js';

export type NewPair = Omit<MentoringPairEntity, 'id' | 'createdAt' | 'updatedAt' | 'status' | 'lastCheckInAt' | 'endedAt' | 'endReason' | 'endedById' | 'cohort' | 'mentorApplication' | 'menteeApplication' | 'mentorUser' | 'menteeUser'>;

/** How many of a person's pairs `myMentoring` shows (newest first): people take part in few cohorts. */
export const MAX_PAIRS_PER_PERSON = 100;

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

  /** Moves the pair's last check-in forward (never back). */
  async touchLastCheckIn(manager: EntityManager, pairId: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE mentoring_pairs SET last_check_in_at = GREATEST(coalesce(last_check_in_at, $2), $2), updated_at = now() WHERE id = $1`,
      [pairId, at],
    );
  }
}
