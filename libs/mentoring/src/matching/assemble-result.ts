/** Turns a strategy's choice of pairs into the explained {@link MatchingResult}. */
import type { MatchingPlan } from './matching-plan.js';
import { explainPairScore, scorePairMicros } from './score.js';
import { SCORE_SCALE, type IneligibilityReason, type MatchingResult, type ProposedPair, type UnmatchedApplication } from './types.js';
import { explainIdleMentor, explainUnmatchedMentee, type MatchingOutcome, type MatchingStrategy } from './unmatched-reasons.js';

const RULE_NAMES: Record<IneligibilityReason, string> = {
  SAME_PERSON: 'same person',
  EXCLUDED: 'excluded',
  SAME_EMPLOYER: 'same employer',
  INSUFFICIENT_EXPERIENCE: 'experience gap below the minimum',
  PREVIOUS_PAIR: 'paired in an earlier cohort',
};

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * @param chosenMentor mentee index → mentor index chosen by the strategy for mentees without a lock, or -1
 */
export function assembleResult(plan: MatchingPlan, strategy: MatchingStrategy, chosenMentor: Int32Array): MatchingResult {
  const { cohort, graph, locks } = plan;
  const mentorOfMentee = Int32Array.from(chosenMentor);
  const load = Int32Array.from(plan.lockedLoad);
  const pairs: ProposedPair[] = [];
  let totalMicros = 0;

  for (const { mentor, mentee, waivedRules } of locks) {
    mentorOfMentee[mentee.index] = mentor.index;
    totalMicros += scorePairMicros(cohort, mentor, mentee);
    pairs.push({
      mentorApplicationId: mentor.application.applicationId,
      menteeApplicationId: mentee.application.applicationId,
      ...explainPairScore(cohort, mentor, mentee),
      locked: true,
      waivedRules,
    });
  }
  for (const mentee of cohort.mentees) {
    const mentorIndex = chosenMentor[mentee.index]!;
    if (mentorIndex < 0 || !plan.menteeIsFree[mentee.index]) continue;
    const mentor = cohort.mentors[mentorIndex]!;
    load[mentorIndex]! += 1;
    totalMicros += scorePairMicros(cohort, mentor, mentee);
    pairs.push({
      mentorApplicationId: mentor.application.applicationId,
      menteeApplicationId: mentee.application.applicationId,
      ...explainPairScore(cohort, mentor, mentee),
      locked: false,
      waivedRules: [],
    });
  }
  pairs.sort(
    (a, b) =>
      compareIds(a.mentorApplicationId, b.mentorApplicationId) || compareIds(a.menteeApplicationId, b.menteeApplicationId),
  );

  const outcome: MatchingOutcome = { plan, strategy, mentorOfMentee, load };
  const unmatched: UnmatchedApplication[] = [];
  for (const mentee of cohort.mentees) {
    if (mentorOfMentee[mentee.index] !== -1) continue;
    unmatched.push({ applicationId: mentee.application.applicationId, role: 'MENTEE', reasons: explainUnmatchedMentee(outcome, mentee) });
  }
  for (const mentor of cohort.mentors) {
    if (load[mentor.index] !== 0) continue;
    unmatched.push({ applicationId: mentor.application.applicationId, role: 'MENTOR', reasons: explainIdleMentor(outcome, mentor) });
  }

  const candidatePairs = graph.offsets[cohort.mentees.length]!;
  const notes = [...cohort.notes];
  const matchedMentees = cohort.mentees.length - unmatched.filter((entry) => entry.role === 'MENTEE').length;
  notes.push(`Matched ${matchedMentees} of ${cohort.mentees.length} mentees with ${cohort.mentors.length} mentors.`);
  if (graph.pruned) {
    notes.push(
      `Large cohort: ${graph.eligiblePairs} eligible pairs exceed the limit of ${graph.maxCandidatePairs}, so only the ` +
        `${candidatePairs} pairs in which the mentor is among the mentee's ${graph.candidatesPerMentee} best-scoring mentors, ` +
        `or the mentee among the mentor's ${graph.candidatesPerMentee} best-scoring mentees, were considered` +
        (strategy === 'optimal' ? '; the proposal is optimal among them.' : '.'),
    );
  }
  const waived = locks.filter((lock) => lock.waivedRules.length > 0);
  if (waived.length > 0) {
    const list = waived.map(
      (lock) =>
        `${lock.mentor.application.applicationId} → ${lock.mentee.application.applicationId} (${lock.waivedRules.map((rule) => RULE_NAMES[rule]).join(', ')})`,
    );
    notes.push(`Kept ${waived.length} locked pair(s) that break a matching rule: ${list.join('; ')}.`);
  }
  let mentorsWithRoom = 0;
  let placesLeft = 0;
  for (const mentor of cohort.mentors) {
    const room = mentor.capacity - load[mentor.index]!;
    if (room > 0) {
      mentorsWithRoom += 1;
      placesLeft += room;
    }
  }
  if (mentorsWithRoom > 0) notes.push(`${mentorsWithRoom} mentor(s) have room for ${placesLeft} more mentee(s).`);

  return {
    pairs,
    unmatched,
    totalScore: totalMicros / SCORE_SCALE,
    pruned: graph.pruned,
    candidatesPerMentee: graph.candidatesPerMentee,
    notes,
    stats: {
      mentors: cohort.mentors.length,
      mentees: cohort.mentees.length,
      lockedPairs: locks.length,
      eligiblePairs: graph.eligiblePairs,
      candidatePairs,
    },
  };
}
