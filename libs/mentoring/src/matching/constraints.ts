/** Hard constraints: a pair that breaks one is never proposed (unless an admin locked it). */
import type { PreparedApplicant, PreparedCohort } from './prepare-cohort.js';
import type { IneligibilityReason } from './types.js';

/** Order in which reasons are checked; a pair is counted under the first that applies. */
export const INELIGIBILITY_REASONS: readonly IneligibilityReason[] = [
  'SAME_PERSON',
  'EXCLUDED',
  'SAME_EMPLOYER',
  'INSUFFICIENT_EXPERIENCE',
  'PREVIOUS_PAIR',
];

function breaks(reason: IneligibilityReason, cohort: PreparedCohort, mentor: PreparedApplicant, mentee: PreparedApplicant): boolean {
  switch (reason) {
    case 'SAME_PERSON':
      return mentor.userKey === mentee.userKey;
    case 'EXCLUDED':
      return cohort.excludedMentorsByMentee.get(mentee.index)?.has(mentor.index) === true;
    case 'SAME_EMPLOYER':
      return mentor.employerKey >= 0 && mentor.employerKey === mentee.employerKey;
    case 'INSUFFICIENT_EXPERIENCE':
      return (
        mentor.application.yearsOfExperience <
        mentee.application.yearsOfExperience + cohort.settings.minExperienceGapYears
      );
    case 'PREVIOUS_PAIR':
      return cohort.previousMentorsByMentee.get(mentee.userKey)?.has(mentor.userKey) === true;
  }
}

/** The first rule the pair breaks, or null when it is eligible. */
export function findIneligibility(
  cohort: PreparedCohort,
  mentor: PreparedApplicant,
  mentee: PreparedApplicant,
): IneligibilityReason | null {
  for (const reason of INELIGIBILITY_REASONS) if (breaks(reason, cohort, mentor, mentee)) return reason;
  return null;
}

/** Every rule the pair breaks. */
export function findAllIneligibilities(
  cohort: PreparedCohort,
  mentor: PreparedApplicant,
  mentee: PreparedApplicant,
): IneligibilityReason[] {
  return INELIGIBILITY_REASONS.filter((reason) => breaks(reason, cohort, mentor, mentee));
}

/** Hot-loop form of `findIneligibility(...) === null`. */
export function isEligible(cohort: PreparedCohort, mentor: PreparedApplicant, mentee: PreparedApplicant): boolean {
  if (mentor.userKey === mentee.userKey) return false;
  if (mentor.employerKey >= 0 && mentor.employerKey === mentee.employerKey) return false;
  if (mentor.application.yearsOfExperience < mentee.application.yearsOfExperience + cohort.settings.minExperienceGapYears) {
    return false;
  }
  const excluded = cohort.excludedMentorsByMentee.get(mentee.index);
  if (excluded !== undefined && excluded.has(mentor.index)) return false;
  const previous = cohort.previousMentorsByMentee.get(mentee.userKey);
  return previous === undefined || !previous.has(mentor.userKey);
}
