import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MatchOverrideEntity } from '../entities/match-override.entity.js';
import { MatchOverrideKind } from '../mentoring.enums.js';

export interface PairKey {
  cohortId: string;
  mentorApplicationId: string;
  menteeApplicationId: string;
}

/** Admins' locks and exclusions; always used inside a transaction that holds the cohort lock. */
@Injectable()
export class MatchOverridesRepository {
  forCohort(manager: EntityManager, cohortId: string): Promise<MatchOverrideEntity[]> {
    return manager.getRepository(MatchOverrideEntity).find({ where: { cohortId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Sets the decision for the pair (a lock replaces an exclusion and the other way round). */
  async put(manager: EntityManager, key: PairKey, kind: MatchOverrideKind, actorId: string): Promise<void> {
    await manager.query(
      `INSERT INTO mentoring_match_overrides (cohort_id, mentor_application_id, mentee_application_id, kind, created_by_id)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (mentor_application_id, mentee_application_id)
       DO UPDATE SET kind = EXCLUDED.kind, created_by_id = EXCLUDED.created_by_id, created_at = now()`,
      [key.cohortId, key.mentorApplicationId, key.menteeApplicationId, kind, actorId],
    );
  }

  /** Removes the decision about the pair; returns what it was, if any. */
  async remove(manager: EntityManager, key: PairKey): Promise<MatchOverrideKind | null> {
    const [rows]: [Array<{ kind: MatchOverrideKind }>, number] = await manager.query(
      `DELETE FROM mentoring_match_overrides WHERE cohort_id = $1 AND mentor_application_id = $2 AND mentee_application_id = $3 RETURNING kind`,
      [key.cohortId, key.mentorApplicationId, key.menteeApplicationId],
    );
    return rows[0]?.kind ?? null;
  }

  async deleteForApplication(manager: EntityManager, applicationId: string): Promise<void> {
    await manager.query(`DELETE FROM mentoring_match_overrides WHERE mentor_application_id = $1 OR mentee_application_id = $1`, [applicationId]);
  }

  async lockOfMentee(manager: EntityManager, menteeApplicationId: string): Promise<MatchOverrideEntity | null> {
    return manager.getRepository(MatchOverrideEntity).findOneBy({ menteeApplicationId, kind: MatchOverrideKind.LOCK });
  }

  countLocksOfMentor(manager: EntityManager, mentorApplicationId: string): Promise<number> {
    return manager.getRepository(MatchOverrideEntity).countBy({ mentorApplicationId, kind: MatchOverrideKind.LOCK });
  }
}
