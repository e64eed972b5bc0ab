/**
 * The pairs the optimiser may choose from: eligible pairs between mentees without a lock and mentors with
 * room left after locks, each with its score.
 *
 * Pruning: when there are more than `maxCandidatePairs` eligible pairs, only pairs in which the mentor is
 * among the mentee's K best-scoring mentors, or the mentee among the mentor's K best-scoring mentees, are
 * kept (K = `candidatesPerMentee`; ties go to the lower application id). The mentor side keeps mentors
 * that few mentees rank first from being cut off entirely.
 */
import { isEligible } from './constraints.js';
import { MatchingError, MatchingErrorCode } from './matching.errors.js';
import type { PreparedCohort } from './prepare-cohort.js';
import { createPairScorer } from './pair-scorer.js';
import { DEFAULT_CANDIDATES_PER_MENTEE, DEFAULT_MAX_CANDIDATE_PAIRS, type MatchingLimits } from './types.js';

export interface CandidateGraph {
  /** Candidates of mentee j are entries offsets[j] .. offsets[j+1]-1. */
  readonly offsets: Int32Array;
  readonly mentorIndex: Int32Array;
  readonly scoreMicros: Float64Array;
  readonly eligiblePairs: number;
  readonly pruned: boolean;
  /** K when pruned, else null. */
  readonly candidatesPerMentee: number | null;
  readonly maxCandidatePairs: number;
}

function resolveLimits(limits: MatchingLimits | undefined): { maxPairs: number; perMentee: number } {
  const maxPairs = limits?.maxCandidatePairs ?? DEFAULT_MAX_CANDIDATE_PAIRS;
  const perMentee = limits?.candidatesPerMentee ?? DEFAULT_CANDIDATES_PER_MENTEE;
  const issues: string[] = [];
  if (!Number.isInteger(maxPairs) || maxPairs < 0) issues.push(`limits.maxCandidatePairs must be an integer >= 0 (got ${maxPairs})`);
  if (!Number.isInteger(perMentee) || perMentee < 1) issues.push(`limits.candidatesPerMentee must be an integer >= 1 (got ${perMentee})`);
  if (issues.length > 0) throw new MatchingError(MatchingErrorCode.INVALID_MATCHING_INPUT, issues);
  return { maxPairs, perMentee };
}

/**
 * Best-K lists for many owners at once, flat in typed arrays, each kept sorted by score descending.
 * Entries arrive in id order, so on equal scores the earlier (lower id) one stays ahead.
 */
export class TopLists {
  readonly items: Int32Array;
  readonly scores: Float64Array;
  readonly counts: Int32Array;

  constructor(
    owners: number,
    private readonly k: number,
  ) {
    this.items = new Int32Array(owners * k);
    this.scores = new Float64Array(owners * k);
    this.counts = new Int32Array(owners);
  }

  offer(owner: number, item: number, score: number): void {
    const { k, items, scores, counts } = this;
    const base = owner * k;
    const count = counts[owner]!;
    if (count === k && score <= scores[base + k - 1]!) return;
    let at = count === k ? k - 1 : count;
    if (count < k) counts[owner] = count + 1;
    while (at > 0 && scores[base + at - 1]! < score) {
      scores[base + at] = scores[base + at - 1]!;
      items[base + at] = items[base + at - 1]!;
      at -= 1;
    }
    scores[base + at] = score;
    items[base + at] = item;
  }
}

/**
 * @param menteeIsFree mentees the optimiser places (those without a lock)
 * @param mentorRoom places each mentor has left after locks
 */
export function buildCandidateGraph(
  cohort: PreparedCohort,
  menteeIsFree: readonly boolean[],
  mentorRoom: Int32Array,
  limits: MatchingLimits | undefined,
): CandidateGraph {
  const { maxPairs, perMentee } = resolveLimits(limits);
  const { mentors, mentees } = cohort;
  const openMentors = mentors.filter((mentor) => mentorRoom[mentor.index]! > 0);
  const freeMentees = mentees.filter((mentee) => menteeIsFree[mentee.index]);
  const scorePair = createPairScorer(cohort);

  // Counting first (eligibility only, no scores) lets a cohort that is not pruned score each pair once.
  let eligiblePairs = 0;
  for (const mentee of freeMentees) {
    for (const mentor of openMentors) if (isEligible(cohort, mentor, mentee)) eligiblePairs += 1;
  }
  const pruned = eligiblePairs > maxPairs;
  const common = { eligiblePairs, pruned, candidatesPerMentee: pruned ? perMentee : null, maxCandidatePairs: maxPairs };
  const offsets = new Int32Array(mentees.length + 1);

  if (!pruned) {
    const mentorIndex = new Int32Array(eligiblePairs);
    const scoreMicros = new Float64Array(eligiblePairs);
    let size = 0;
    for (const mentee of mentees) {
      offsets[mentee.index] = size;
      if (!menteeIsFree[mentee.index]) continue;
      for (const mentor of openMentors) {
        if (!isEligible(cohort, mentor, mentee)) continue;
        mentorIndex[size] = mentor.index;
        scoreMicros[size++] = scorePair(mentor.index, mentee.index);
      }
    }
    offsets[mentees.length] = size;
    return { offsets, mentorIndex, scoreMicros, ...common };
  }

  // Both sides' best K.
  const menteeTop = new TopLists(mentees.length, perMentee);
  const mentorTop = new TopLists(mentors.length, perMentee);
  for (const mentee of freeMentees) {
    for (const mentor of openMentors) {
      if (!isEligible(cohort, mentor, mentee)) continue;
      const score = scorePair(mentor.index, mentee.index);
      menteeTop.offer(mentee.index, mentor.index, score);
      mentorTop.offer(mentor.index, mentee.index, score);
    }
  }

  // Mentor-side picks, regrouped by mentee.
  const extraCount = new Int32Array(mentees.length + 1);
  for (const mentor of openMentors) {
    const base = mentor.index * perMentee;
    for (let i = 0; i < mentorTop.counts[mentor.index]!; i += 1) extraCount[mentorTop.items[base + i]! + 1]! += 1;
  }
  for (let j = 0; j < mentees.length; j += 1) extraCount[j + 1]! += extraCount[j]!;
  const extraMentor = new Int32Array(extraCount[mentees.length]!);
  const extraScore = new Float64Array(extraMentor.length);
  const extraNext = extraCount.slice(0, mentees.length);
  for (const mentor of openMentors) {
    const base = mentor.index * perMentee;
    for (let i = 0; i < mentorTop.counts[mentor.index]!; i += 1) {
      const at = extraNext[mentorTop.items[base + i]!]!++;
      extraMentor[at] = mentor.index;
      extraScore[at] = mentorTop.scores[base + i]!;
    }
  }

  const capacity = mentees.length * perMentee + extraMentor.length;
  const mentorIndex = new Int32Array(capacity);
  const scoreMicros = new Float64Array(capacity);
  const takenBy = new Int32Array(mentors.length).fill(-1);
  let size = 0;
  for (const mentee of mentees) {
    const j = mentee.index;
    offsets[j] = size;
    const base = j * perMentee;
    for (let i = 0; i < menteeTop.counts[j]!; i += 1) {
      const m = menteeTop.items[base + i]!;
      takenBy[m] = j;
      mentorIndex[size] = m;
      scoreMicros[size++] = menteeTop.scores[base + i]!;
    }
    for (let at = extraCount[j]!; at < extraCount[j + 1]!; at += 1) {
      const m = extraMentor[at]!;
      if (takenBy[m] === j) continue;
      mentorIndex[size] = m;
      scoreMicros[size++] = extraScore[at]!;
    }
  }
  offsets[mentees.length] = size;
  return { offsets, mentorIndex: mentorIndex.slice(0, size), scoreMicros: scoreMicros.slice(0, size), ...common };
}
