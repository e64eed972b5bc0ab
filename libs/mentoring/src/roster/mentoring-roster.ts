import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MentoringRosterRepository } from './mentoring-roster.repository.js';

export interface CohortPlace {
  id: string;
  name: string;
  status: string;
}

export interface PairPlace {
  id: string;
  cohortId: string;
  /** The mentor and the mentee: the only two people a pair's things are for. */
  participantIds: [string, string];
  status: string;
}

/**
 * The mentoring feature's port for "who is in which cohort or pair" (discussions asks it; it never
 * reads the mentoring tables). A cohort's people are those whose application to it was approved.
 * Batched: one statement for any number of questions.
 */
@Injectable()
export class MentoringRoster {
  constructor(private readonly repository: MentoringRosterRepository) {}

  async cohorts(ids: readonly string[], manager?: EntityManager): Promise<Array<CohortPlace | undefined>> {
    return ids.length ? this.repository.cohorts(ids, manager) : [];
  }

  async pairs(ids: readonly string[], manager?: EntityManager): Promise<Array<PairPlace | undefined>> {
    if (!ids.length) return [];
    return (await this.repository.pairs(ids, manager)).map(
      (p) => p && { id: p.id, cohortId: p.cohortId, participantIds: [p.mentorUserId, p.menteeUserId], status: p.status },
    );
  }

  /** `cohortIds[i]` and `userIds[i]` form the i-th question: is the person in the cohort? */
  async inCohorts(cohortIds: readonly string[], userIds: readonly string[], manager?: EntityManager): Promise<boolean[]> {
    return cohortIds.length ? this.repository.approvedIn(cohortIds, userIds, manager) : [];
  }
}
