/** The steps every matching strategy shares: validate and index the input, apply locks, build candidates. */
import { buildCandidateGraph, type CandidateGraph } from './candidate-graph.js';
import { resolveLocks, type ResolvedLock } from './locks.js';
import { prepareCohort, type PreparedCohort } from './prepare-cohort.js';
import type { MatchingInput } from './types.js';

export interface MatchingPlan {
  readonly cohort: PreparedCohort;
  readonly locks: readonly ResolvedLock[];
  /** Mentor index → places taken by locks. */
  readonly lockedLoad: Int32Array;
  /** Mentor index → places left for the optimiser. */
  readonly mentorRoom: Int32Array;
  /** Mentee index → not locked. */
  readonly menteeIsFree: readonly boolean[];
  readonly graph: CandidateGraph;
}

export function planMatching(input: MatchingInput): MatchingPlan {
  const cohort = prepareCohort(input);
  const locks = resolveLocks(cohort, input.lockedPairs ?? []);
  const lockedLoad = new Int32Array(cohort.mentors.length);
  const menteeIsFree = cohort.mentees.map(() => true);
  for (const { mentor, mentee } of locks) {
    lockedLoad[mentor.index]! += 1;
    menteeIsFree[mentee.index] = false;
  }
  const mentorRoom = Int32Array.from(cohort.mentors, (mentor) => mentor.capacity - lockedLoad[mentor.index]!);
  const graph = buildCandidateGraph(cohort, menteeIsFree, mentorRoom, input.limits);
  return { cohort, locks, lockedLoad, mentorRoom, menteeIsFree, graph };
}
