import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PreviousPair } from '../matching/index.js';

@Injectable()
export class PreviousPairsRepository {
  /** (mentor user, mentee user) of every pair in the program's other cohorts. */
  async forProgram(manager: EntityManager, programId: string, exceptCohortId: string): Promise<PreviousPair[]> {
    const rows: Array<{ mentor_user_id: string; mentee_user_id: string }> = await manager.query(
      `SELECT DISTINCT p.mentor_user_id, p.mentee_user_id
         FROM mentoring_pairs p JOIN mentoring_cohorts c ON c.id = p.cohort_id
        WHERE c.program_id = $1 AND c.id <> $2`,
      [programId, exceptCohortId],
    );
    return rows.map((r) => [r.mentor_user_id, r.mentee_user_id] as const);
  }
}
