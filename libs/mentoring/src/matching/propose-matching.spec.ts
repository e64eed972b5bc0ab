import { describe, expect, it } from '@jest/globals';
import { proposeGreedyMatching } from './greedy.js';
import { MatchingError, MatchingErrorCode } from './matching.errors.js';
import { proposeMatching } from './propose-matching.js';
import { exhaustiveBestTotalMicros, isEligiblePair, pairScoreMicros } from '../../../../test/utils/exhaustive-matching.js';
import { randomCohort } from '../../../../test/factories/random-cohort.js';
import { createRandom } from '../../../../test/utils/random.js';
import { SCORE_SCALE, type MatchingApplication, type MatchingInput, type MatchingResult } from './types.js';

const micros = (points: number): number => Math.round(points * SCORE_SCALE);

/** Every structural promise of a result, checked against the input (not against the solver's internals). */
function expectValidResult(input: MatchingInput, result: MatchingResult): void {
  const byId = new Map(input.applications.map((application) => [application.applicationId, application]));
  const perMentor = new Map<string, number>();
  const matchedMentees = new Set<string>();
  let total = 0;
  for (const pair of result.pairs) {
    const mentor = byId.get(pair.mentorApplicationId)!;
    const mentee = byId.get(pair.menteeApplicationId)!;
    expect(mentor.role).toBe('MENTOR');
    expect(mentee.role).toBe('MENTEE');
    expect(matchedMentees.has(mentee.applicationId)).toBe(false);
    matchedMentees.add(mentee.applicationId);
    perMentor.set(mentor.applicationId, (perMentor.get(mentor.applicationId) ?? 0) + 1);
    const locked = (input.lockedPairs ?? []).some(
      (lock) => lock.mentorApplicationId === mentor.applicationId && lock.menteeApplicationId === mentee.applicationId,
    );
    expect(pair.locked).toBe(locked);
    if (!locked) expect(isEligiblePair(input, mentor, mentee)).toBe(true);
    expect(micros(pair.score)).toBe(pairScoreMicros(input, mentor, mentee));
    expect(micros(pair.breakdown.reduce((sum, entry) => sum + entry.points, 0))).toBe(micros(pair.score));
    expect(pair.score).toBeGreaterThan(0);
    total += micros(pair.score);
  }
  expect(micros(result.totalScore)).toBe(total);
  for (const [mentorId, count] of perMentor) expect(count).toBeLessThanOrEqual(byId.get(mentorId)!.capacity);
  for (const lock of input.lockedPairs ?? []) {
    expect(result.pairs).toContainEqual(expect.objectContaining({ ...lock, locked: true }));
  }
  const expectedUnmatched = input.applications
    .filter((a) => (a.role === 'MENTEE' ? !matchedMentees.has(a.applicationId) : !perMentor.has(a.applicationId)))
    .map((a) => a.applicationId)
    .sort();
  expect(result.unmatched.map((entry) => entry.applicationId).sort()).toEqual(expectedUnmatched);
  for (const entry of result.unmatched) expect(entry.reasons.length).toBeGreaterThan(0);
}

describe('proposeMatching', () => {
  it('equals the exhaustive optimum and keeps every rule on 300 random small cohorts (greedy never does better)', () => {
    const random = createRandom(20260315);
    let pruned = 0;
    let withLocks = 0;
    let greedyBeaten = 0;
    for (let instance = 0; instance < 300; instance += 1) {
      const input = randomCohort(random, {
        mentors: random.int(0, 8),
        mentees: random.int(0, 12),
        maxCapacity: 3,
        employers: 3,
        topicCount: 8,
        sharedUserRate: 0.1,
        previousPairRate: 0.1,
        exclusionRate: 0.1,
        locks: random.int(0, 3),
      });
      if (instance % 5 === 4) input.limits = { maxCandidatePairs: 10, candidatesPerMentee: random.int(1, 3) };
      const result = proposeMatching(input);
      expectValidResult(input, result);
      const optimum = exhaustiveBestTotalMicros(
        input,
        result.pruned ? { candidatesPerMentee: result.candidatesPerMentee! } : {},
      );
      expect({ instance, total: micros(result.totalScore) }).toEqual({ instance, total: optimum });

      const greedy = proposeGreedyMatching(input);
      expectValidResult(input, greedy);
      expect(micros(greedy.totalScore)).toBeLessThanOrEqual(optimum);
      if (micros(greedy.totalScore) < optimum) greedyBeaten += 1;
      if (result.pruned) pruned += 1;
      if ((input.lockedPairs ?? []).length > 0) withLocks += 1;
    }
    // The generator must actually exercise pruning and locks.
    expect(pruned).toBeGreaterThan(20);
    expect(withLocks).toBeGreaterThan(100);
    expect(greedyBeaten).toBeGreaterThan(10);
  });

  it('beats the greedy baseline where greedy takes the single best pair first', () => {
    const person = (applicationId: string, role: 'MENTOR' | 'MENTEE', topics: string[], employer: string): MatchingApplication => ({
      applicationId,
      userId: `user-${applicationId}`,
      role,
      topics,
      yearsOfExperience: role === 'MENTOR' ? 20 : 2,
      timezone: 'Europe/Paris',
      preferredFormat: 'VIDEO',
      capacity: 1,
      employer,
    });
    const input: MatchingInput = {
      applications: [
        person('mentor-a', 'MENTOR', ['react', 'testing', 'career'], 'Initech'),
        person('mentor-b', 'MENTOR', ['react'], 'Globex'),
        person('mentee-x', 'MENTEE', ['react', 'testing'], 'Hooli'),
        person('mentee-y', 'MENTEE', ['react', 'career', 'go'], 'Globex'), // cannot have mentor-b
      ],
      weights: { topics: 10, goals: 0, experienceGap: 0, timezone: 0, format: 0 },
      settings: { forbidSameEmployer: true, minExperienceGapYears: 0, allowRepeatPairs: false },
      now: new Date('2026-03-15T12:00:00Z'),
    };
    // a–x 11, a–y 7.67, b–x 6: greedy takes a–x and strands y; the optimum is a–y + b–x.
    const greedy = proposeGreedyMatching(input);
    const optimal = proposeMatching(input);
    expect(greedy.pairs.map((p) => [p.mentorApplicationId, p.menteeApplicationId])).toEqual([['mentor-a', 'mentee-x']]);
    expect(optimal.pairs.map((p) => [p.mentorApplicationId, p.menteeApplicationId])).toEqual([
      ['mentor-a', 'mentee-y'],
      ['mentor-b', 'mentee-x'],
    ]);
    expect(greedy.totalScore).toBe(11);
    expect(optimal.totalScore).toBeCloseTo(1 + 20 / 3 + 1 + 5, 6);
    expect(greedy.totalScore).toBeLessThan(optimal.totalScore);
    expect(micros(optimal.totalScore)).toBe(exhaustiveBestTotalMicros(input));
    expect(greedy.unmatched).toEqual([
      {
        applicationId: 'mentee-y',
        role: 'MENTEE',
        reasons: [
          'The only eligible mentor is full with pairs that scored at least as high',
          'The other mentor is not eligible: 1 works for the same employer',
        ],
      },
      {
        applicationId: 'mentor-b',
        role: 'MENTOR',
        reasons: [
          '1 eligible mentee is matched with other mentors in pairs that scored at least as high',
          'The other mentee is not eligible: 1 works for the same employer',
        ],
      },
    ]);
  });

  it('gives the same result whatever the input order', () => {
    const random = createRandom(99);
    const input = randomCohort(random, { mentors: 30, mentees: 60, maxCapacity: 3, employers: 5, locks: 4, previousPairRate: 0.05, exclusionRate: 0.05 });
    const shuffled = [...input.applications];
    for (let i = shuffled.length - 1; i > 0; i -= 1) {
      const j = random.int(0, i);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    expect(proposeMatching({ ...input, applications: shuffled })).toEqual(proposeMatching(input));
  });

  it('prunes large cohorts to each side’s best candidates and says so', () => {
    const random = createRandom(5);
    const input = randomCohort(random, { mentors: 40, mentees: 80, maxCapacity: 2, employers: 4 });
    const full = proposeMatching(input);
    const pruned = proposeMatching({ ...input, limits: { maxCandidatePairs: 100, candidatesPerMentee: 3 } });
    expect(full.pruned).toBe(false);
    expect(full.candidatesPerMentee).toBeNull();
    expect(pruned.pruned).toBe(true);
    expect(pruned.candidatesPerMentee).toBe(3);
    expect(pruned.stats.candidatePairs).toBeLessThanOrEqual(3 * 80 + 3 * 40);
    expect(pruned.stats.eligiblePairs).toBe(full.stats.eligiblePairs);
    expect(pruned.notes).toContainEqual(
      expect.stringMatching(/^Large cohort: \d+ eligible pairs exceed the limit of 100, so only the \d+ pairs in which the mentor is among the mentee's 3 best-scoring mentors/),
    );
    expectValidResult(input, pruned);
    expect(pruned.totalScore).toBeLessThanOrEqual(full.totalScore);
  });

  it('keeps a locked pair that breaks a policy rule and reports the rule', () => {
    const input = randomCohort(createRandom(3), { mentors: 3, mentees: 3, maxCapacity: 2, employers: 1 });
    const [mentor, mentee] = [input.applications[0]!, input.applications[3]!];
    const locked: MatchingInput = {
      ...input,
      applications: input.applications.map((a) =>
        a === mentee ? { ...a, employer: 'Same Co', yearsOfExperience: mentor.yearsOfExperience } : a === mentor ? { ...a, employer: ' same co ' } : a,
      ),
      settings: { forbidSameEmployer: true, minExperienceGapYears: 2, allowRepeatPairs: false },
      lockedPairs: [{ mentorApplicationId: mentor.applicationId, menteeApplicationId: mentee.applicationId }],
      excludedPairs: [],
    };
    const result = proposeMatching(locked);
    expect(result.pairs).toContainEqual(
      expect.objectContaining({
        mentorApplicationId: mentor.applicationId,
        menteeApplicationId: mentee.applicationId,
        locked: true,
        waivedRules: ['SAME_EMPLOYER', 'INSUFFICIENT_EXPERIENCE'],
      }),
    );
    expect(result.notes).toContainEqual(
      `Kept 1 locked pair(s) that break a matching rule: ${mentor.applicationId} → ${mentee.applicationId} (same employer, experience gap below the minimum).`,
    );
  });

  it('refuses locks that cannot all hold, listing every problem', () => {
    const input = randomCohort(createRandom(11), { mentors: 2, mentees: 4, maxCapacity: 1, employers: 9 });
    const lock = (mentorApplicationId: string, menteeApplicationId: string) => ({ mentorApplicationId, menteeApplicationId });
    const run = () =>
      proposeMatching({
        ...input,
        applications: input.applications.map((a) => (a.role === 'MENTOR' ? { ...a, capacity: 1 } : a)),
        lockedPairs: [
          lock('mentor-00000', 'mentee-00000'),
          lock('mentor-00001', 'mentee-00000'),
          lock('mentor-00000', 'mentee-00001'),
          lock('mentor-00009', 'mentee-00002'),
          lock('mentor-00001', 'mentee-00003'),
        ],
        excludedPairs: [lock('mentor-00001', 'mentee-00003')],
      });
    expect(run).toThrow(MatchingError);
    expect(run).toThrow(
      expect.objectContaining({
        code: MatchingErrorCode.CONFLICTING_LOCKS,
        issues: [
          'locked pair mentor-00001 → mentee-00000: mentee mentee-00000 is already locked to mentor-00000',
          'locked pair mentor-00009 → mentee-00002: mentor-00009 is not a mentor application of this cohort',
          'locked pair mentor-00001 → mentee-00003: the pair is also excluded',
          'mentor mentor-00000 has 2 locked mentees but a capacity of 1',
        ],
      }),
    );
  });

  it('rejects malformed input with every issue', () => {
    const input = randomCohort(createRandom(12), { mentors: 2, mentees: 2, maxCapacity: 1, employers: 2 });
    const bad: MatchingInput = {
      ...input,
      applications: [...input.applications, { ...input.applications[0]!, capacity: 7 }],
      weights: { ...input.weights, goals: 11 },
    };
    expect(() => proposeMatching(bad)).toThrow(
      expect.objectContaining({
        code: MatchingErrorCode.INVALID_MATCHING_INPUT,
        issues: [
          'weight "goals" must be a number from 0 to 10 (got 11)',
          'application mentor-00000 appears more than once',
          'mentor application mentor-00000 must have a capacity from 1 to 5 (got 7)',
        ],
      }),
    );
  });

  it('handles an empty cohort', () => {
    const input = randomCohort(createRandom(1), { mentors: 0, mentees: 0, maxCapacity: 1, employers: 1 });
    expect(proposeMatching(input)).toMatchObject({ pairs: [], unmatched: [], totalScore: 0, pruned: false });
  });
});
