import { describe, expect, it } from '@jest/globals';
import { randomCohort } from '../../../../test/factories/random-cohort.js';
import { createRandom } from '../../../../test/utils/random.js';
import { solveCapacitatedAssignment, type CandidateRows } from './capacitated-assignment.js';
import { solveExactAssignment } from './exact-assignment.js';
import { planMatching } from './matching-plan.js';
import { proposeMatching } from './propose-matching.js';
import { SCORE_SCALE } from './types.js';

/** Total score (micro-points) of an assignment, read from the candidate rows; checks capacities too. */
function totalOf(graph: CandidateRows, mentorRoom: Int32Array, mentorOf: Int32Array): number {
  const load = new Int32Array(mentorRoom.length);
  let total = 0;
  mentorOf.forEach((m, j) => {
    if (m < 0) return;
    load[m]! += 1;
    let found = -1;
    for (let c = graph.offsets[j]!; c < graph.offsets[j + 1]!; c += 1) if (graph.mentorIndex[c] === m) found = c;
    expect(found).toBeGreaterThanOrEqual(0);
    total += graph.scoreMicros[found]!;
  });
  load.forEach((taken, m) => expect(taken).toBeLessThanOrEqual(mentorRoom[m]!));
  return total;
}

describe('solveExactAssignment (a subset of pairs, certified by potentials, grown until optimal)', () => {
  it('reaches the optimum of the whole graph, as MinCostFlow finds it, from tiny subsets and in several rounds', () => {
    const random = createRandom(20261206);
    let severalRounds = 0;
    for (let instance = 0; instance < 120; instance += 1) {
      const input = randomCohort(random, {
        mentors: random.int(1, 25),
        mentees: random.int(1, 60),
        maxCapacity: 4,
        employers: 4,
        topicCount: 10,
        locks: random.int(0, 3),
        previousPairRate: 0.05,
        exclusionRate: 0.05,
      });
      const plan = planMatching(input);
      const { graph, mentorRoom } = plan;
      const order = Int32Array.from({ length: graph.offsets.length - 1 }, (_, j) => j).filter((j) => graph.offsets[j + 1]! > graph.offsets[j]!);
      const exact = solveExactAssignment(graph, mentorRoom, order, { perSide: random.int(1, 3), margin: 0 });
      if (exact.rounds > 1) severalRounds += 1;

      // The reference: proposeMatching solves this (small) graph whole with MinCostFlow.
      const reference = proposeMatching(input);
      const lockedMicros = reference.pairs.filter((p) => p.locked).reduce((sum, p) => sum + Math.round(p.score * SCORE_SCALE), 0);
      const optimum = Math.round(reference.totalScore * SCORE_SCALE) - lockedMicros;
      expect({ instance, total: totalOf(graph, mentorRoom, exact.mentorOf) }).toEqual({ instance, total: optimum });
      // The solver alone on the whole graph agrees too.
      expect(totalOf(graph, mentorRoom, solveCapacitatedAssignment(graph, mentorRoom, order).mentorOf)).toBe(optimum);
    }
    expect(severalRounds).toBeGreaterThan(10);
  });

  it('solves a cohort beyond the subset threshold exactly: not pruned, and at least the pruned optimum', () => {
    const input = randomCohort(createRandom(2), { mentors: 400, mentees: 1_500, maxCapacity: 4, employers: 20 });
    const exact = proposeMatching(input);
    const pruned = proposeMatching({ ...input, limits: { maxCandidatePairs: 0, candidatesPerMentee: 5 } });
    expect(exact.stats.candidatePairs).toBeGreaterThan(400_000);
    expect(exact.pruned).toBe(false);
    expect(exact.stats.candidatePairs).toBe(exact.stats.eligiblePairs);
    expect(pruned.pruned).toBe(true);
    expect(exact.totalScore).toBeGreaterThanOrEqual(pruned.totalScore);
    // The same total as solving the whole graph in one go.
    const { graph, mentorRoom } = planMatching(input);
    const order = Int32Array.from({ length: graph.offsets.length - 1 }, (_, j) => j);
    const whole = solveCapacitatedAssignment(graph, mentorRoom, order).mentorOf;
    expect(totalOf(graph, mentorRoom, whole)).toBe(Math.round(exact.totalScore * SCORE_SCALE));
  });
});
