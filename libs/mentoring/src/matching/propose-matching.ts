/**
 * The optimal matcher: maximises the total score subject to mentor capacities and one mentor per mentee,
 * with locked pairs fixed, exactly, as a min-cost flow:
 *
 *   mentee → mentor  capacity 1, cost −score (integer micro-points)
 *   mentee → sink    capacity 1, cost 0 (the mentee stays unmatched)
 *   mentor → sink    capacity = places left after locks, cost 0
 *
 * Every mentee without a lock supplies one unit, routed by successive shortest paths from that mentee
 * (the Hungarian method, with mentor capacities instead of copies); the order of mentees only affects
 * speed and which of several equally good matchings is returned. A minimum-cost routing is a
 * maximum-score matching, and since leaving a mentee unmatched costs 0, a pair is only made when it
 * raises the total. Up to {@link CERTIFIED_SUBSET_FROM} candidate pairs the whole network is solved by
 * `MinCostFlow`; beyond, a subset of the pairs is solved and certified optimal for all of them
 * (`exact-assignment.ts`), which keeps 5,000 mentees × 1,500 mentors exact in a few seconds. Only beyond
 * `limits.maxCandidatePairs` are the candidates pruned (see `buildCandidateGraph`), and the result is then
 * optimal among them.
 */
import { assembleResult } from './assemble-result.js';
import { CERTIFIED_SUBSET_FROM, solveExactAssignment } from './exact-assignment.js';
import { planMatching, type MatchingPlan } from './matching-plan.js';
import { MinCostFlow } from './min-cost-flow.js';
import type { MatchingInput, MatchingResult } from './types.js';

/**
 * Proposes mentor–mentee pairs for a cohort.
 *
 * Deterministic: applications are ordered by application id before anything else, so the same input in
 * any order gives the same result; among equally good matchings the choice is fixed by that order.
 *
 * @throws MatchingError INVALID_MATCHING_INPUT for malformed input, CONFLICTING_LOCKS for locks that
 *   cannot all hold
 */
export function proposeMatching(input: MatchingInput): MatchingResult {
  const plan = planMatching(input);
  const { cohort, graph, mentorRoom } = plan;
  const menteeCount = cohort.mentees.length;
  // Most constrained mentees first (fewest candidates, then application id): later, more flexible
  // mentees then rarely need long reshuffles, which roughly halves solving time on large cohorts.
  const candidatesOf = (j: number) => graph.offsets[j + 1]! - graph.offsets[j]!;
  const order = Int32Array.from({ length: menteeCount }, (_, j) => j)
    .filter((j) => candidatesOf(j) > 0)
    .sort((a, b) => candidatesOf(a) - candidatesOf(b) || a - b);
  const chosenMentor =
    graph.offsets[menteeCount]! > CERTIFIED_SUBSET_FROM
      ? solveExactAssignment(graph, mentorRoom, order).mentorOf
      : solveByMinCostFlow(plan, order);
  return assembleResult(plan, 'optimal', chosenMentor);
}

/** The whole candidate graph as one min-cost flow, one unit per mentee in `order`. */
function solveByMinCostFlow(plan: MatchingPlan, order: Int32Array): Int32Array {
  const { cohort, graph, mentorRoom } = plan;
  const mentorCount = cohort.mentors.length;
  const menteeCount = cohort.mentees.length;
  const menteeNode = (index: number) => index;
  const mentorNode = (index: number) => menteeCount + index;
  const sink = menteeCount + mentorCount;
  const candidateCount = graph.offsets[menteeCount]!;
  const network = new MinCostFlow(sink + 1, candidateCount + menteeCount + mentorCount);
  const pairEdge = new Int32Array(candidateCount);
  for (let j = 0; j < menteeCount; j += 1) {
    const first = graph.offsets[j]!;
    const end = graph.offsets[j + 1]!;
    if (first === end) continue;
    for (let c = first; c < end; c += 1) {
      pairEdge[c] = network.addEdge(menteeNode(j), mentorNode(graph.mentorIndex[c]!), 1, -graph.scoreMicros[c]!);
    }
    network.addEdge(menteeNode(j), sink, 1, 0);
  }
  for (let m = 0; m < mentorCount; m += 1) {
    if (mentorRoom[m]! > 0) network.addEdge(mentorNode(m), sink, mentorRoom[m]!, 0);
  }
  network.routeSupplies(Array.from(order, (j) => [menteeNode(j), 1] as const), sink);

  const chosenMentor = new Int32Array(menteeCount).fill(-1);
  for (let j = 0; j < menteeCount; j += 1) {
    for (let c = graph.offsets[j]!; c < graph.offsets[j + 1]!; c += 1) {
      if (network.flow(pairEdge[c]!) > 0) chosenMentor[j] = graph.mentorIndex[c]!;
    }
  }
  return chosenMentor;
}
