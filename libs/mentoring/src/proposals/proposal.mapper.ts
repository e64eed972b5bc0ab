import type { MentoringApplicationEntity } from '../entities/mentoring-application.entity.js';
import type { ApplicationPair, MatchingResult } from '../matching/index.js';
import type { MatchProposal } from '../types/proposal.type.js';

/**
 * The matcher's result in GraphQL shape. Applications are the rows already read for the proposal, so
 * showing them costs no query; their `user` goes through the per-request users loader.
 */
export function toMatchProposal(
  result: MatchingResult,
  applications: ReadonlyMap<string, MentoringApplicationEntity>,
  notes: readonly string[],
  excluded: readonly ApplicationPair[] = [],
): MatchProposal {
  const application = (id: string): MentoringApplicationEntity => {
    const found = applications.get(id);
    if (!found) throw new Error(`matching returned unknown application ${id}`);
    return found;
  };
  return {
    pairs: result.pairs.map((pair) => ({
      mentor: application(pair.mentorApplicationId),
      mentee: application(pair.menteeApplicationId),
      score: pair.score,
      breakdown: pair.breakdown.map(({ criterion, weight, value, points, explanation }) => ({ criterion, weight, value, points, explanation })),
      locked: pair.locked,
      waivedRules: pair.waivedRules,
    })),
    unmatched: result.unmatched.map((entry) => ({ application: application(entry.applicationId), reasons: entry.reasons })),
    excludedPairs: excluded.map((pair) => ({ mentor: application(pair.mentorApplicationId), mentee: application(pair.menteeApplicationId) })),
    totalScore: result.totalScore,
    pruned: result.pruned,
    notes: [...notes, ...result.notes],
  };
}
