/**
 * Locked pairs. A lock is an admin's decision, so it wins over the policy rules (same employer,
 * experience gap, repeat pair) — the pair is proposed and the rules it breaks are reported on it. Locks
 * that cannot all hold are refused with one {@link MatchingError} (code CONFLICTING_LOCKS) listing every
 * problem: an id that is not a mentor/mentee of the cohort, a person locked with themselves, a pair that
 * is also excluded, a mentee locked to two mentors, a mentor locked beyond capacity.
 */
import { findAllIneligibilities } from './constraints.js';
import { MatchingError, MatchingErrorCode } from './matching.errors.js';
import type { PreparedApplicant, PreparedCohort } from './prepare-cohort.js';
import type { ApplicationPair, IneligibilityReason } from './types.js';

export interface ResolvedLock {
  readonly mentor: PreparedApplicant;
  readonly mentee: PreparedApplicant;
  /** Policy rules the lock overrides. */
  readonly waivedRules: IneligibilityReason[];
}

export function resolveLocks(cohort: PreparedCohort, lockedPairs: readonly ApplicationPair[]): ResolvedLock[] {
  const issues: string[] = [];
  const locks: ResolvedLock[] = [];
  const mentorOfMentee = new Map<PreparedApplicant, PreparedApplicant>();
  const lockedPerMentor = new Map<PreparedApplicant, number>();

  for (const { mentorApplicationId, menteeApplicationId } of lockedPairs) {
    const mentor = cohort.applicantsById.get(mentorApplicationId);
    const mentee = cohort.applicantsById.get(menteeApplicationId);
    const label = `locked pair ${mentorApplicationId} → ${menteeApplicationId}`;
    if (mentor?.application.role !== 'MENTOR') {
      issues.push(`${label}: ${mentorApplicationId} is not a mentor application of this cohort`);
      continue;
    }
    if (mentee?.application.role !== 'MENTEE') {
      issues.push(`${label}: ${menteeApplicationId} is not a mentee application of this cohort`);
      continue;
    }
    const earlierMentor = mentorOfMentee.get(mentee);
    if (earlierMentor === mentor) continue; // the same lock twice
    if (earlierMentor) {
      issues.push(`${label}: mentee ${menteeApplicationId} is already locked to ${earlierMentor.application.applicationId}`);
      continue;
    }
    const broken = findAllIneligibilities(cohort, mentor, mentee);
    if (broken.includes('SAME_PERSON')) {
      issues.push(`${label}: both applications belong to the same person`);
      continue;
    }
    if (broken.includes('EXCLUDED')) {
      issues.push(`${label}: the pair is also excluded`);
      continue;
    }
    mentorOfMentee.set(mentee, mentor);
    lockedPerMentor.set(mentor, (lockedPerMentor.get(mentor) ?? 0) + 1);
    locks.push({ mentor, mentee, waivedRules: broken });
  }

  for (const [mentor, count] of lockedPerMentor) {
    if (count > mentor.capacity) {
      issues.push(
        `mentor ${mentor.application.applicationId} has ${count} locked mentees but a capacity of ${mentor.capacity}`,
      );
    }
  }
  if (issues.length > 0) throw new MatchingError(MatchingErrorCode.CONFLICTING_LOCKS, issues);
  return locks;
}
