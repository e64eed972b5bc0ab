/**
 * Greedy baseline, for comparison with {@link proposeMatching}: repeatedly takes the highest-scoring
 * remaining candidate pair whose mentor has room and whose mentee is still free (ties: lower mentor, then
 * mentee application id). Same input handling, locks, candidates and explanations as the optimal matcher.
 */
import { assembleResult } from './assemble-result.js';
import { planMatching } from './matching-plan.js';
import type { MatchingInput, MatchingResult } from './types.js';

export function proposeGreedyMatching(input: MatchingInput): MatchingResult {
  const plan = planMatching(input);
  const { graph, cohort } = plan;
  const menteeCount = cohort.mentees.length;
  const candidateCount = graph.offsets[menteeCount]!;
  const menteeOf = new Int32Array(candidateCount);
  for (let j = 0; j < menteeCount; j += 1) menteeOf.fill(j, graph.offsets[j]!, graph.offsets[j + 1]!);

  const order = new Int32Array(candidateCount);
  for (let c = 0; c < candidateCount; c += 1) order[c] = c;
  order.sort(
    (a, b) =>
      graph.scoreMicros[b]! - graph.scoreMicros[a]! ||
      graph.mentorIndex[a]! - graph.mentorIndex[b]! ||
      menteeOf[a]! - menteeOf[b]!,
  );

  const room = Int32Array.from(plan.mentorRoom);
  const chosenMentor = new Int32Array(menteeCount).fill(-1);
  for (const c of order) {
    const mentor = graph.mentorIndex[c]!;
    const mentee = menteeOf[c]!;
    if (room[mentor]! > 0 && chosenMentor[mentee] === -1) {
      chosenMentor[mentee] = mentor;
      room[mentor]! -= 1;
    }
  }
  return assembleResult(plan, 'greedy', chosenMentor);
}
