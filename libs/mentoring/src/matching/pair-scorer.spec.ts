import { describe, expect, it } from '@jest/globals';
import { createPairScorer } from './pair-scorer.js';
import { prepareCohort } from './prepare-cohort.js';
import { scorePairMicros } from './score.js';
import { randomCohort } from '../../../../test/factories/random-cohort.js';
import { createRandom } from '../../../../test/utils/random.js';

describe('createPairScorer', () => {
  it('returns exactly the reference score for every pair', () => {
    const random = createRandom(42);
    for (let round = 0; round < 20; round += 1) {
      const input = randomCohort(random, { mentors: 15, mentees: 25, maxCapacity: 3, employers: 4 });
      // Unrecognised zones, fractional years and many distinct keywords (multi-word bitsets) included.
      const applications = input.applications.map((a, i) => ({
        ...a,
        goals: i % 5 === 0 ? null : `${a.goals ?? ''} extra${i}`,
        ...(i % 7 === 0 ? { timezone: 'Nowhere/Special', yearsOfExperience: a.yearsOfExperience + 0.5 } : {}),
      }));
      const cohort = prepareCohort({ ...input, applications });
      expect(cohort.keywordNames.length).toBeGreaterThan(32); // bitsets of more than one word
      const fast = createPairScorer(cohort);
      for (const mentor of cohort.mentors) {
        for (const mentee of cohort.mentees) {
          expect(fast(mentor.index, mentee.index)).toBe(scorePairMicros(cohort, mentor, mentee));
        }
      }
    }
  });
});
