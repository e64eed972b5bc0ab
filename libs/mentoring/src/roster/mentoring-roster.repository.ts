import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** The queries behind MentoringRoster. */
@Injectable()
export class MentoringRosterRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async cohorts(ids: readonly string[], manager?: EntityManager): Promise<Array<{ id: string; name: string; status: string } | undefined>> {
    const rows: Array<{ id: string; name: string; status: string }> = await (manager ?? this.dataSource.manager).query(
      `SELECT id, name, status FROM mentoring_cohorts WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  }

  async pairs(ids: readonly string[], manager?: EntityManager): Promise<Array<{ id: string; cohortId: string; mentorUserId: string; menteeUserId: string; status: string } | undefined>> {
    const rows: Array<{ id: string; cohortId: string; mentorUserId: string; menteeUserId: string; status: string }> = await (manager ?? this.dataSource.manager).query(
      `SELECT id, cohort_id AS "cohortId", mentor_user_id AS "mentorUserId", mentee_user_id AS "menteeUserId", status FROM mentoring_pairs WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  }

  /** For each (cohort, person) pair: true when the person has an APPROVED application in the cohort. */
  async approvedIn(cohortIds: readonly string[], userIds: readonly string[], manager?: EntityManager): Promise<boolean[]> {
    const rows: Array<{ i: number }> = await (manager ?? this.dataSource.manager).query(
      `SELECT q.i::int AS i FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS q(cohort_id, user_id, i)
        WHERE EXISTS (SELECT 1 FROM mentoring_applications a WHERE a.cohort_id = q.cohort_id AND a.user_id = q.user_id AND a.status = 'APPROVED')`,
      [cohortIds, userIds],
    );
    const found = new Set(rows.map((r) => r.i - 1));
    return cohortIds.map((_, i) => found.has(i));
  }
}
