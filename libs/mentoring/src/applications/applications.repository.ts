import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MentoringApplicationEntity } from '../entities/mentoring-application.entity.js';
import { ApplicationStatus, MentoringRole } from '../mentoring.enums.js';

export interface ApplicationFilter {
  role?: MentoringRole | null;
  status?: ApplicationStatus | null;
  /** Only this person's applications (what a non-admin sees). */
  userId?: string | null;
}

/** Keyset position in a cohort's list: (created_at, id). */
export type ApplicationCursor = readonly [createdAt: string, id: string];

export type NewApplication = Pick<
  MentoringApplicationEntity,
  'cohortId' | 'userId' | 'role' | 'topics' | 'goals' | 'yearsOfExperience' | 'timezone' | 'preferredFormat' | 'capacity'
>;

const FILTER_SQL = `(CAST(:role AS text) IS NULL OR x.role = :role)
  AND (CAST(:status AS text) IS NULL OR x.status = :status)
  AND (CAST(:userId AS uuid) IS NULL OR x.user_id = :userId)`;

@Injectable()
export class ApplicationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(MentoringApplicationEntity);
  }

  insert(manager: EntityManager, application: NewApplication): Promise<MentoringApplicationEntity> {
    return this.repo(manager).save(this.repo(manager).create(application));
  }

  save(manager: EntityManager, application: MentoringApplicationEntity): Promise<MentoringApplicationEntity> {
    return this.repo(manager).save(application);
  }

  findById(id: string, manager?: EntityManager): Promise<MentoringApplicationEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  lockById(manager: EntityManager, id: string): Promise<MentoringApplicationEntity | null> {
    return this.repo(manager).createQueryBuilder('a').where('a.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  /** The person's application in this role that is not withdrawn, if any. */
  findLive(manager: EntityManager, cohortId: string, userId: string, role: MentoringRole): Promise<MentoringApplicationEntity | null> {
    return this.repo(manager)
      .createQueryBuilder('a')
      .where('a.cohort_id = :cohortId AND a.user_id = :userId AND a.role = :role', { cohortId, userId, role })
      .andWhere('a.status <> :withdrawn', { withdrawn: ApplicationStatus.WITHDRAWN })
      .getOne();
  }

  /** Applications in this role that count towards the cohort's size: submitted or approved. */
  countPendingOrApproved(manager: EntityManager, cohortId: string, role: MentoringRole): Promise<number> {
    return this.repo(manager)
      .createQueryBuilder('a')
      .where('a.cohort_id = :cohortId AND a.role = :role', { cohortId, role })
      .andWhere('a.status IN (:...statuses)', { statuses: [ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED] })
      .getCount();
  }

  /**
   * One page of applications for each of several cohorts, in one statement: a LATERAL subquery per
   * cohort walks the (cohort_id, created_at, id) index and stops after `limit` rows.
   */
  async pageByCohortIds(
    cohortIds: readonly string[],
    filter: ApplicationFilter,
    after: ApplicationCursor | undefined,
    limit: number,
  ): Promise<MentoringApplicationEntity[][]> {
    const rows = await this.repo()
      .createQueryBuilder('a')
      .where(
        `a.id IN (
          SELECT page.id FROM unnest(CAST(:cohortIds AS uuid[])) AS k(cohort_id)
          CROSS JOIN LATERAL (
            SELECT x.id FROM mentoring_applications x
             WHERE x.cohort_id = k.cohort_id AND ${FILTER_SQL}
               AND (CAST(:afterAt AS timestamptz) IS NULL OR (x.created_at, x.id) > (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid)))
             ORDER BY x.created_at, x.id
             LIMIT :limit
          ) page)`,
        {
          cohortIds,
          role: filter.role ?? null,
          status: filter.status ?? null,
          userId: filter.userId ?? null,
          afterAt: after?.[0] ?? null,
          afterId: after?.[1] ?? null,
          limit,
        },
      )
      .orderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
    const grouped = new Map<string, MentoringApplicationEntity[]>(cohortIds.map((id) => [id, []]));
    for (const row of rows) grouped.get(row.cohortId)?.push(row);
    return cohortIds.map((id) => grouped.get(id) ?? []);
  }

  async countByCohortIds(cohortIds: readonly string[], filter: ApplicationFilter): Promise<number[]> {
    const rows: Array<{ cohort_id: string; n: number }> = await this.repo()
      .createQueryBuilder('x')
      .select('x.cohort_id', 'cohort_id')
      .addSelect('count(*)::int', 'n')
      .where(`x.cohort_id = ANY(:cohortIds) AND ${FILTER_SQL}`, {
        cohortIds,
        role: filter.role ?? null,
        status: filter.status ?? null,
        userId: filter.userId ?? null,
      })
      .groupBy('x.cohort_id')
      .getRawMany();
    const counts = new Map(rows.map((r) => [r.cohort_id, r.n]));
    return cohortIds.map((id) => counts.get(id) ?? 0);
  }

  /** One person's applications, newest first, keyset-paged on (created_at, id) (the user index serves it). */
  pageOfUser(userId: string, status: ApplicationStatus | null, after: ApplicationCursor | undefined, limit: number): Promise<MentoringApplicationEntity[]> {
    return this.repo()
      .createQueryBuilder('x')
      .where(`x.user_id = :userId AND (CAST(:status AS text) IS NULL OR x.status = :status)`, { userId, status })
      .andWhere(`(CAST(:afterAt AS timestamptz) IS NULL OR (x.created_at, x.id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid)))`, { afterAt: after?.[0] ?? null, afterId: after?.[1] ?? null })
      .orderBy('x.created_at', 'DESC')
      .addOrderBy('x.id', 'DESC')
      .limit(limit)
      .getMany();
  }

  countOfUser(userId: string, status: ApplicationStatus | null): Promise<number> {
    return this.repo()
      .createQueryBuilder('x')
      .where(`x.user_id = :userId AND (CAST(:status AS text) IS NULL OR x.status = :status)`, { userId, status })
      .getCount();
  }

  async findByIds(ids: readonly string[]): Promise<Array<MentoringApplicationEntity | undefined>> {
    const rows = await this.repo().createQueryBuilder('a').where('a.id = ANY(:ids)', { ids }).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  }

  /** The approved applications a proposal is made from, by id. */
  approved(manager: EntityManager, cohortId: string): Promise<MentoringApplicationEntity[]> {
    return this.repo(manager)
      .createQueryBuilder('a')
      .where('a.cohort_id = :cohortId AND a.status = :approved', { cohortId, approved: ApplicationStatus.APPROVED })
      .orderBy('a.id', 'ASC')
      .getMany();
  }

  /** Approved mentees of a cohort that no pair holds. */
  approvedMenteesWithoutPair(cohortId: string): Promise<MentoringApplicationEntity[]> {
    return this.repo()
      .createQueryBuilder('a')
      .where('a.cohort_id = :cohortId AND a.role = :mentee AND a.status = :approved', {
        cohortId,
        mentee: MentoringRole.MENTEE,
        approved: ApplicationStatus.APPROVED,
      })
      .andWhere('NOT EXISTS (SELECT 1 FROM mentoring_pairs p WHERE p.mentee_application_id = a.id)')
      .orderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
  }
}
