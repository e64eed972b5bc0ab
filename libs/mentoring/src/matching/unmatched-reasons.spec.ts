import { describe, expect, it } from '@jest/globals';
import { proposeMatching } from './propose-matching.js';
import type { MatchingApplication, MatchingInput } from './types.js';

function mentor(id: string, overrides: Partial<MatchingApplication> = {}): MatchingApplication {
  return {
    applicationId: id,
    userId: `user-${id}`,
    role: 'MENTOR',
    topics: ['react'],
    yearsOfExperience: 20,
    timezone: 'Europe/Madrid',
    preferredFormat: 'EITHER',
    capacity: 1,
    employer: `${id} Ltd`,
    ...overrides,
  };
}

function mentee(id: string, overrides: Partial<MatchingApplication> = {}): MatchingApplication {
  return { ...mentor(id), role: 'MENTEE', yearsOfExperience: 2, ...overrides };
}

function cohort(applications: MatchingApplication[], extra: Partial<MatchingInput> = {}): MatchingInput {
  return {
    applications,
    weights: { topics: 5, goals: 0, experienceGap: 2, timezone: 1, format: 1 },
    settings: { forbidSameEmployer: true, minExperienceGapYears: 5, allowRepeatPairs: false },
    now: new Date('2026-03-15T12:00:00Z'),
    ...extra,
  };
}

const reasonsOf = (input: MatchingInput, applicationId: string): string[] | undefined =>
  proposeMatching(input).unmatched.find((entry) => entry.applicationId === applicationId)?.reasons;

describe('unmatched reasons', () => {
  it('counts why every mentor is ineligible for a mentee, by the first rule each breaks', () => {
    const input = cohort(
      [
        mentee('e-1', { employer: 'Initech', userId: 'user-shared' }),
        mentor('m-1', { employer: ' INITECH ' }),
        mentor('m-2', { employer: 'initech' }),
        mentor('m-3', { employer: 'Initech', yearsOfExperience: 3 }), // counted under employer only
        mentor('m-4', { yearsOfExperience: 6 }),
        mentor('m-5', { yearsOfExperience: 6.5 }),
        mentor('m-6'),
        mentor('m-7'),
        mentor('m-8', { userId: 'user-shared' }),
      ],
      {
        previousPairs: [['user-m-6', 'user-shared']],
        excludedPairs: [{ mentorApplicationId: 'm-7', menteeApplicationId: 'e-1' }],
      },
    );
    expect(reasonsOf(input, 'e-1')).toEqual([
      "No eligible mentor among 8: 1 is the mentee's own mentor application, 1 was excluded by an admin, " +
        '3 work for the same employer, 2 have fewer than 5 more years of experience, 1 was their mentor in an earlier cohort',
    ]);
    expect(reasonsOf(input, 'm-4')).toEqual(['No eligible mentee among 1: 1 has too much experience for the required 5-year gap']);
    expect(reasonsOf(input, 'm-6')).toEqual(['No eligible mentee among 1: 1 was their mentee in an earlier cohort']);
  });

  it('says when every eligible mentor is full and no reshuffle helps', () => {
    const input = cohort([
      mentor('m-1', { capacity: 2 }),
      mentee('e-1'),
      mentee('e-2'),
      mentee('e-3', { topics: ['rust'] }),
    ]);
    const result = proposeMatching(input);
    expect(result.pairs.map((pair) => pair.menteeApplicationId)).toEqual(['e-1', 'e-2']);
    // e-3 shares no topic, so it scores lowest and is the one left out.
    expect(result.unmatched).toEqual([
      {
        applicationId: 'e-3',
        role: 'MENTEE',
        reasons: ['The only eligible mentor is full, and no reshuffle that places this mentee would raise the total score'],
      },
    ]);
  });

  it('names mentors filled by locked pairs and mentees locked elsewhere', () => {
    const input = cohort([mentor('m-1'), mentor('m-2'), mentee('e-1'), mentee('e-2', { employer: 'm-2 Ltd' })], {
      lockedPairs: [{ mentorApplicationId: 'm-1', menteeApplicationId: 'e-1' }],
    });
    expect(reasonsOf(input, 'e-2')).toEqual([
      'The only eligible mentor is full with locked pairs',
      'The other mentor is not eligible: 1 works for the same employer',
    ]);
    expect(reasonsOf(input, 'm-2')).toEqual([
      '1 eligible mentee is locked to other mentors',
      'The other mentee is not eligible: 1 works for the same employer',
    ]);
  });

  it('explains mentors without mentees and mentees without any mentor in the cohort', () => {
    expect(reasonsOf(cohort([mentor('m-1')]), 'm-1')).toEqual(['The cohort has no mentees']);
    expect(reasonsOf(cohort([mentee('e-1')]), 'e-1')).toEqual(['The cohort has no mentors']);
    const idle = cohort([mentor('m-1', { topics: ['react'] }), mentor('m-2', { topics: ['cobol'] }), mentee('e-1')]);
    expect(reasonsOf(idle, 'm-2')).toEqual([
      '1 eligible mentee is matched with other mentors, and no reshuffle that gives this mentor a mentee would raise the total score',
    ]);
  });

  it('points at mentors left out by pruning that still have room', () => {
    const input = cohort(
      [
        mentor('m-1', { topics: ['react'] }),
        mentor('m-2', { topics: ['cobol'], capacity: 2 }),
        mentor('m-3', { topics: ['cobol'], timezone: 'Asia/Tokyo' }),
        mentee('e-1'),
        mentee('e-2'),
        mentee('e-3', { timezone: 'America/New_York' }),
      ],
      { limits: { maxCandidatePairs: 1, candidatesPerMentee: 1 } },
    );
    // Every mentee's best mentor is m-1; every mentor's best mentee is e-1. So e-1 may take any mentor,
    // e-2 and e-3 only m-1, which goes to e-2 (a closer time zone than e-3's).
    const result = proposeMatching(input);
    expect(result.pruned).toBe(true);
    expect(result.stats.candidatePairs).toBe(5);
    expect(result.pairs.map((pair) => [pair.mentorApplicationId, pair.menteeApplicationId])).toEqual([
      ['m-1', 'e-2'],
      ['m-2', 'e-1'],
    ]);
    expect(result.unmatched).toEqual([
      {
        applicationId: 'e-3',
        role: 'MENTEE',
        reasons: [
          'The only mentor considered (of 3 eligible, large cohort) is full, and no reshuffle of the pairs considered that places this mentee would raise the total score',
          '2 eligible mentors that were not considered still have room for a manual pair',
        ],
      },
      {
        applicationId: 'm-3',
        role: 'MENTOR',
        reasons: [
          '2 eligible mentees are matched with other mentors, and no reshuffle that gives this mentor a mentee would raise the total score',
          '1 eligible mentee without a mentor was not considered for this mentor (large cohort: neither ranks the other among its 1 best); a manual pair is possible',
        ],
      },
    ]);
    expect(result.notes).toContain(
      "Large cohort: 9 eligible pairs exceed the limit of 1, so only the 5 pairs in which the mentor is among the mentee's 1 " +
        "best-scoring mentors, or the mentee among the mentor's 1 best-scoring mentees, were considered; the proposal is optimal among them.",
    );
  });
});
