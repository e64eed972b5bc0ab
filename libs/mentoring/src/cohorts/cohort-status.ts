import { AppError, ErrorCode } from '../../../core/src/index.js';
import type { MentoringCohortEntity } from '../entities/mentoring-cohort.entity.js';
import { CohortStatus } from '../mentoring.enums.js';
import { MentoringErrorReason } from '../mentoring.errors.js';

const DESCRIBED: Record<CohortStatus, string> = {
  DRAFT: 'still a draft',
  APPLICATIONS_OPEN: 'open for applications',
  MATCHING: 'in matching',
  ACTIVE: 'already published',
  COMPLETED: 'completed',
};

/** Refuses with CONFLICT unless the cohort is in one of `allowed`. */
export function assertCohortStatus(cohort: MentoringCohortEntity, allowed: readonly CohortStatus[], action: string): void {
  if (!allowed.includes(cohort.status)) {
    throw new AppError(ErrorCode.CONFLICT, `Cannot ${action}: the cohort is ${DESCRIBED[cohort.status]}`, { reason: MentoringErrorReason.WRONG_COHORT_STATUS });
  }
}

/** Cohorts whose matching (weights, settings, locks, exclusions) may still change. */
export const MATCHING_EDITABLE: readonly CohortStatus[] = [CohortStatus.DRAFT, CohortStatus.APPLICATIONS_OPEN, CohortStatus.MATCHING];

/** Cohorts a proposal can be made for. */
export const PROPOSABLE: readonly CohortStatus[] = [CohortStatus.APPLICATIONS_OPEN, CohortStatus.MATCHING];
