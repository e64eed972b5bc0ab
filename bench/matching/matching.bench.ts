/**
 * Mentor–mentee matching benchmark: seeded cohorts, wall time of `proposeMatching` (validation, scoring,
 * pruning, solving and explanations included), its total score against the greedy baseline, and what
 * pruning costs on the first cohort. Run: `npm run build:bench && node dist-bench/bench/matching/matching.bench.js`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { proposeGreedyMatching, proposeMatching, type MatchingInput, type MatchingResult } from '../../libs/mentoring/src/matching/index.js';
import { randomCohort } from '../../test/factories/random-cohort.js';
import { createRandom } from '../../test/utils/random.js';

interface Scenario {
  name: string;
  seed: number;
  mentees: number;
  mentors: number;
  limits?: MatchingInput['limits'];
}

const SCENARIOS: Scenario[] = [
  { name: '1,000 mentees × 400 mentors', seed: 1, mentees: 1_000, mentors: 400 },
  { name: '1,000 mentees × 400 mentors, forced pruning', seed: 1, mentees: 1_000, mentors: 400, limits: { maxCandidatePairs: 0, candidatesPerMentee: 25 } },
  { name: '5,000 mentees × 1,500 mentors', seed: 2, mentees: 5_000, mentors: 1_500, limits: { candidatesPerMentee: 25 } },
];

function cohortFor(scenario: Scenario): MatchingInput {
  const input = randomCohort(createRandom(scenario.seed), {
    mentees: scenario.mentees,
    mentors: scenario.mentors,
    maxCapacity: 4,
    employers: 60,
    sharedUserRate: 0.01,
    previousPairRate: 0.002,
    exclusionRate: 0.001,
    locks: Math.round(scenario.mentees / 100),
  });
  return {
    ...input,
    weights: { topics: 8, goals: 4, experienceGap: 3, timezone: 5, format: 2 },
    settings: { forbidSameEmployer: true, minExperienceGapYears: 2, allowRepeatPairs: false },
    limits: scenario.limits,
  };
}

function timed(run: () => MatchingResult): { result: MatchingResult; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

const matched = (result: MatchingResult) => result.pairs.length;

export async function runMatchingBench(): Promise<void> {
  // Warm the JIT on a small cohort so the first scenario measures steady-state code.
  proposeMatching(cohortFor({ name: 'warm-up', seed: 99, mentees: 200, mentors: 80 }));
  const unprunedTotals = new Map<number, number>();
  for (const scenario of SCENARIOS) {
    const input = cohortFor(scenario);
    const places = input.applications.reduce((sum, a) => sum + (a.role === 'MENTOR' ? a.capacity : 0), 0);
    const optimal = timed(() => proposeMatching(input));
    const greedy = timed(() => proposeGreedyMatching(input));
    const { stats } = optimal.result;
    const gain = ((optimal.result.totalScore - greedy.result.totalScore) / greedy.result.totalScore) * 100;
    console.log(`\n${scenario.name} (seed ${scenario.seed}, ${places} mentor places, ${stats.lockedPairs} locked)`);
    console.log(
      `  eligible pairs ${stats.eligiblePairs}, considered ${stats.candidatePairs}` +
        (optimal.result.pruned ? ` (pruned: each side's ${optimal.result.candidatesPerMentee} best)` : ' (not pruned)'),
    );
    console.log(
      `  proposeMatching  ${optimal.ms.toFixed(0).padStart(6)} ms  total ${optimal.result.totalScore.toFixed(3)}  matched ${matched(optimal.result)}/${stats.mentees}`,
    );
    console.log(
      `  greedy baseline  ${greedy.ms.toFixed(0).padStart(6)} ms  total ${greedy.result.totalScore.toFixed(3)}  matched ${matched(greedy.result)}/${stats.mentees}`,
    );
    console.log(`  optimal vs greedy: +${gain.toFixed(3)}% total score`);
    const unpruned = unprunedTotals.get(scenario.seed);
    if (optimal.result.pruned && unpruned !== undefined) {
      console.log(`  pruned optimum = ${((optimal.result.totalScore / unpruned) * 100).toFixed(3)}% of the unpruned optimum`);
    }
    if (!optimal.result.pruned) unprunedTotals.set(scenario.seed, optimal.result.totalScore);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runMatchingBench();
}
