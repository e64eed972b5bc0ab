import { describe, expect, it } from '@jest/globals';
import { scoreMatchingPair } from './score.js';
import type { MatchingApplication, MatchingInput, ScoreBreakdownEntry } from './types.js';

const summer = new Date('2026-07-01T12:00:00Z');

function mentor(overrides: Partial<MatchingApplication> = {}): MatchingApplication {
  return {
    applicationId: 'mentor-1',
    userId: 'user-mentor',
    role: 'MENTOR',
    topics: ['React', 'Testing', 'Career', 'GraphQL'],
    goals: 'Help people grow into leadership and hiring roles',
    yearsOfExperience: 15,
    timezone: 'Europe/Berlin',
    preferredFormat: 'VIDEO',
    capacity: 2,
    employer: 'Acme',
    ...overrides,
  };
}

function mentee(overrides: Partial<MatchingApplication> = {}): MatchingApplication {
  return {
    applicationId: 'mentee-1',
    userId: 'user-mentee',
    role: 'MENTEE',
    topics: ['react', ' TESTING ', 'career', 'rust'],
    goals: 'I want to grow my leadership skills and learn about hiring engineers',
    yearsOfExperience: 3,
    timezone: 'Europe/London',
    preferredFormat: 'EITHER',
    capacity: 1,
    employer: 'Globex',
    ...overrides,
  };
}

const context: Pick<MatchingInput, 'weights' | 'settings' | 'now'> = {
  weights: { topics: 10, goals: 5, experienceGap: 4, timezone: 6, format: 2 },
  settings: { forbidSameEmployer: true, minExperienceGapYears: 5, allowRepeatPairs: false },
  now: summer,
};

const byCriterion = (breakdown: ScoreBreakdownEntry[]) => Object.fromEntries(breakdown.map((entry) => [entry.criterion, entry]));

describe('scoreMatchingPair', () => {
  it('explains each criterion and adds the points up to the score', () => {
    const { score, breakdown } = scoreMatchingPair(mentor(), mentee(), context);
    const entries = byCriterion(breakdown);

    expect(entries.topics).toEqual({
      criterion: 'topics',
      weight: 10,
      value: 0.75,
      points: 7.5,
      explanation: 'Shares 3 of 4 topics: react, testing, career',
    });
    // Goal keywords: leadership, skill, hiring, engineer; 2 matches of the 3 that give full marks.
    expect(entries.goals).toMatchObject({
      value: 2 / 3,
      points: 3.333333,
      explanation: "The mentee's goals mention 2 keywords from the mentor's topics or goals: leadership, hiring",
    });
    // Gap 12 years, 7 above the 5-year minimum: full marks start at 5 above.
    expect(entries.experienceGap).toMatchObject({
      value: 1,
      points: 4,
      explanation: 'Mentor has 12 years more experience than the mentee, 7 years above the required 5 years',
    });
    // July: Berlin is UTC+2, London UTC+1.
    expect(entries.timezone).toMatchObject({
      value: 1 - 1 / 12,
      explanation: '1 hour apart (mentor UTC+02:00, mentee UTC+01:00)',
    });
    expect(entries.format).toMatchObject({
      value: 1,
      points: 2,
      explanation: 'Mentor prefers video; mentee is open to either format',
    });
    expect(entries.base).toMatchObject({ weight: 1, value: 1, points: 1 });

    const sum = breakdown.reduce((total, entry) => total + entry.points, 0);
    expect(score).toBeCloseTo(sum, 9);
    expect(score).toBeCloseTo(1 + 7.5 + 5 * (2 / 3) + 4 + 6 * (11 / 12) + 2, 5);
  });

  it('scores 1 point (the base) for a pair that meets no criterion, and 51 at most', () => {
    const poor = scoreMatchingPair(
      mentor({ topics: ['finance'], goals: null, yearsOfExperience: 8, timezone: 'Pacific/Kiritimati', preferredFormat: 'IN_PERSON' }),
      mentee({ topics: ['rust'], goals: 'cooking', timezone: 'Etc/GMT+10', preferredFormat: 'VIDEO' }),
      context,
    );
    // Kiritimati is UTC+14 and Etc/GMT+10 is UTC−10: the same time of day, so time zones do match.
    expect(byCriterion(poor.breakdown).timezone).toMatchObject({ value: 1, explanation: 'Same time of day (mentor UTC+14:00, mentee UTC−10:00)' });
    const poorNoTz = scoreMatchingPair(
      mentor({ topics: ['finance'], goals: null, yearsOfExperience: 8, timezone: 'Asia/Tokyo', preferredFormat: 'IN_PERSON' }),
      mentee({ topics: ['rust'], goals: 'cooking', timezone: 'Europe/London', preferredFormat: 'VIDEO' }),
      { ...context, weights: { ...context.weights, timezone: 0 } },
    );
    expect(poorNoTz.score).toBe(1);
    expect(byCriterion(poorNoTz.breakdown).format.explanation).toBe('Mentor prefers meeting in person, but mentee prefers video');
    expect(byCriterion(poorNoTz.breakdown).experienceGap.explanation).toBe(
      'Mentor has 5 years more experience than the mentee, 0 years above the required 5 years',
    );

    const perfect = scoreMatchingPair(
      mentor({ topics: ['react'], timezone: 'Europe/London' }),
      mentee({ topics: ['React'], goals: 'leadership', timezone: 'Europe/London', preferredFormat: 'VIDEO' }),
      { ...context, weights: { topics: 10, goals: 10, experienceGap: 10, timezone: 10, format: 10 } },
    );
    expect(perfect.score).toBe(51);
    expect(byCriterion(perfect.breakdown).format.explanation).toBe('Both prefer video');
    expect(byCriterion(perfect.breakdown).timezone.explanation).toBe('Same UTC offset (UTC+01:00)');
  });

  it('uses the offsets at `now`, including daylight saving and half-hour zones', () => {
    const pair = (now: Date) =>
      byCriterion(
        scoreMatchingPair(mentor({ timezone: 'America/New_York' }), mentee({ timezone: 'Asia/Kolkata' }), { ...context, now })
          .breakdown,
      ).timezone;
    expect(pair(summer)).toMatchObject({ value: 1 - 9.5 / 12, explanation: '9.5 hours apart (mentor UTC−04:00, mentee UTC+05:30)' });
    expect(pair(new Date('2026-01-15T12:00:00Z'))).toMatchObject({ value: 1 - 10.5 / 12 });
  });

  it('scores an unrecognised time zone 0 and says so', () => {
    const { breakdown } = scoreMatchingPair(mentor({ timezone: 'Mars/Olympus_Mons' }), mentee(), context);
    expect(byCriterion(breakdown).timezone).toMatchObject({ value: 0, points: 0, explanation: "Mentor's time zone Mars/Olympus_Mons is not recognised" });
  });

  it('explains missing topics and goals, and partial goal matches', () => {
    const none = byCriterion(scoreMatchingPair(mentor(), mentee({ topics: [], goals: '  ' }), context).breakdown);
    expect(none.topics).toMatchObject({ value: 0, explanation: 'The mentee listed no topics' });
    expect(none.goals).toMatchObject({ value: 0, explanation: 'The mentee gave no goals to compare' });

    const partial = byCriterion(
      scoreMatchingPair(mentor(), mentee({ topics: ['rust'], goals: 'Databases, testing strategies and negotiation' }), context)
        .breakdown,
    );
    expect(partial.topics.explanation).toBe("Shares none of the mentee's 1 topic");
    // Keywords: databases→database, testing, strategies→strategy, negotiation; the mentor offers "testing".
    expect(partial.goals).toMatchObject({
      value: 1 / 3,
      explanation: "The mentee's goals mention a keyword from the mentor's topics or goals: testing",
    });
  });

  it('rewards experience above the minimum linearly up to 5 years', () => {
    const gapValue = (years: number, minimum: number) =>
      byCriterion(
        scoreMatchingPair(mentor({ yearsOfExperience: 3 + years }), mentee(), {
          ...context,
          settings: { ...context.settings, minExperienceGapYears: minimum },
        }).breakdown,
      ).experienceGap;
    expect(gapValue(2, 0)).toMatchObject({ value: 0.4, explanation: 'Mentor has 2 years more experience than the mentee' });
    expect(gapValue(7, 5).value).toBeCloseTo(0.4, 12);
    expect(gapValue(30, 5).value).toBe(1);
    expect(gapValue(1, 3)).toMatchObject({ value: 0, explanation: 'Mentor has only 1 year more experience than the mentee; 3 years are required' });
  });

  it('rejects a pair given in the wrong order', () => {
    expect(() => scoreMatchingPair(mentee(), mentor(), context)).toThrow(/expects a mentor then a mentee/);
  });
});
