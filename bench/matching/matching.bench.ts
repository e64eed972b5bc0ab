/**
 * Mentor–mentee matching benchmark: seeded cohorts, wall and CPU time of `proposeMatching` (validation,
 * scoring, pruning, solving and explanations included), its total score against the greedy baseline,
 * what pruning costs against the exact optimum of the same cohort, and the largest cohort once more
 * through `MatchingRunner` (the worker thread the API uses) with the event loop's longest stall meanwhile.
 * Run: `npm run bench -- --only matching`.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { proposeGreedyMatching, proposeMatching, type MatchingInput, type MatchingResult } from '../../libs/mentoring/src/matching/index.js';
import { MatchingRunner } from '../../libs/mentoring/src/proposals/matching-runner.js';
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
  { name: '5,000 mentees × 1,500 mentors (exact)', seed: 2, mentees: 5_000, mentors: 1_500 },
  { name: '5,000 mentees × 1,500 mentors, forced pruning', seed: 2, mentees: 5_000, mentors: 1_500, limits: { maxCandidatePairs: 0, candidatesPerMentee: 25 } },
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

function timed(run: () => MatchingResult): { result: MatchingResult; ms: number; cpuMs: number } {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(cpu);
  return { result, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
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
      `  proposeMatching  ${optimal.ms.toFixed(0).padStart(6)} ms (CPU ${optimal.cpuMs.toFixed(0)} ms)  total ${optimal.result.totalScore.toFixed(3)}  matched ${matched(optimal.result)}/${stats.mentees}`,
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
  await throughWorker(cohortFor(SCENARIOS[2]!));
}

/** The API's path: the cohort goes to a worker thread while this event loop keeps turning. */
async function throughWorker(input: MatchingInput): Promise<void> {
  const runner = new MatchingRunner();
  try {
    await runner.run(cohortFor({ name: 'warm-up', seed: 99, mentees: 200, mentors: 80 }));
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const start = performance.now();
    const result = await runner.run(input);
    const ms = performance.now() - start;
    delay.disable();
    console.log(
      `\nthrough MatchingRunner (worker thread): ${ms.toFixed(0)} ms, total ${result.totalScore.toFixed(3)}; ` +
        `this event loop's longest stall meanwhile ${(delay.max / 1e6).toFixed(0)} ms (result copied back included)`,
    );
  } finally {
    await runner.onModuleDestroy();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runMatchingBench();
}
