/**
 * Seeded random cohorts for the matcher's property tests and benchmarks (not part of the public API).
 */
import type { ApplicationPair, MatchingApplication, MatchingInput, MeetingFormat, PreviousPair } from '../../libs/mentoring/src/matching/types.js';
import type { Random } from '../utils/random.js';

export const TOPICS = [
  'react', 'testing', 'career', 'leadership', 'system design', 'databases', 'security', 'public speaking',
  'product management', 'hiring', 'negotiation', 'cloud', 'machine learning', 'accessibility', 'writing',
  'consulting', 'compliance', 'finance', 'research', 'design systems', 'mobile', 'devops', 'data engineering',
  'ethics', 'entrepreneurship', 'networking', 'mentoring', 'management', 'strategy', 'marketing',
];

const GOAL_WORDS = [
  'leadership', 'hiring', 'promotion', 'react', 'testing', 'speaking', 'confidence', 'architecture', 'security',
  'databases', 'startup', 'management', 'negotiation', 'salary', 'research', 'writing', 'cloud', 'strategy',
];

const FILLER = ['I', 'want', 'to', 'get', 'better', 'at', 'and', 'my', 'with', 'the', 'learn', 'more', 'about'];

export const TIMEZONES = [
  'Europe/London', 'Europe/Berlin', 'Europe/Helsinki', 'America/New_York', 'America/Chicago', 'America/Los_Angeles',
  'America/Sao_Paulo', 'Asia/Kolkata', 'Asia/Singapore', 'Asia/Tokyo', 'Australia/Sydney', 'Pacific/Auckland',
  'Africa/Lagos', 'Asia/Kathmandu', 'UTC',
];

const FORMATS: readonly MeetingFormat[] = ['VIDEO', 'IN_PERSON', 'EITHER'];

export interface RandomCohortOptions {
  mentors: number;
  mentees: number;
  maxCapacity: number;
  employers: number;
  topicCount?: number;
  /** Share of mentees who also apply as mentors' users (exercises the same-person rule). */
  sharedUserRate?: number;
  previousPairRate?: number;
  exclusionRate?: number;
  locks?: number;
  now?: Date;
}

function randomTopics(random: Random, topicCount: number): string[] {
  const topics = new Set<string>();
  const wanted = random.int(1, 4);
  // Skewed popularity: low indexes are more common.
  while (topics.size < wanted) topics.add(TOPICS[Math.floor(random.next() ** 2 * topicCount)]!);
  return [...topics].map((topic) => (random.chance(0.2) ? ` ${topic.toUpperCase()} ` : topic));
}

function randomGoals(random: Random): string | null {
  if (random.chance(0.15)) return null;
  const words: string[] = [];
  const length = random.int(3, 12);
  for (let i = 0; i < length; i += 1) words.push(random.chance(0.4) ? random.pick(GOAL_WORDS) : random.pick(FILLER));
  return words.join(' ');
}

export function randomCohort(random: Random, options: RandomCohortOptions): MatchingInput {
  const topicCount = Math.min(options.topicCount ?? TOPICS.length, TOPICS.length);
  const employerName = (): string | null => {
    if (random.chance(0.2)) return null;
    const name = `Employer ${random.int(1, options.employers)}`;
    return random.chance(0.2) ? `  ${name.toUpperCase()} ` : name;
  };
  const applications: MatchingApplication[] = [];
  const mentorUsers: string[] = [];
  for (let i = 0; i < options.mentors; i += 1) {
    const userId = `u-mentor-${i}`;
    mentorUsers.push(userId);
    applications.push({
      applicationId: `mentor-${String(i).padStart(5, '0')}`,
      userId,
      role: 'MENTOR',
      topics: randomTopics(random, topicCount),
      goals: randomGoals(random),
      yearsOfExperience: random.int(3, 30),
      timezone: random.pick(TIMEZONES),
      preferredFormat: random.pick(FORMATS),
      capacity: random.int(1, options.maxCapacity),
      employer: employerName(),
    });
  }
  const menteeUsers: string[] = [];
  for (let i = 0; i < options.mentees; i += 1) {
    const shared = mentorUsers.length > 0 && random.chance(options.sharedUserRate ?? 0);
    const userId = shared ? random.pick(mentorUsers) : `u-mentee-${i}`;
    menteeUsers.push(userId);
    applications.push({
      applicationId: `mentee-${String(i).padStart(5, '0')}`,
      userId,
      role: 'MENTEE',
      topics: randomTopics(random, topicCount),
      goals: randomGoals(random),
      yearsOfExperience: random.int(0, 15),
      timezone: random.pick(TIMEZONES),
      preferredFormat: random.pick(FORMATS),
      capacity: 1,
      employer: employerName(),
    });
  }

  const previousPairs: PreviousPair[] = [];
  const excludedPairs: ApplicationPair[] = [];
  const mentorIds = applications.filter((a) => a.role === 'MENTOR');
  const menteeIds = applications.filter((a) => a.role === 'MENTEE');
  for (const mentee of menteeIds) {
    for (const mentor of mentorIds) {
      if (random.chance(options.previousPairRate ?? 0)) previousPairs.push([mentor.userId, mentee.userId]);
      if (random.chance(options.exclusionRate ?? 0)) {
        excludedPairs.push({ mentorApplicationId: mentor.applicationId, menteeApplicationId: mentee.applicationId });
      }
    }
  }

  // Locks that can all hold: distinct mentees, within capacity, not the same person, not excluded.
  const lockedPairs: ApplicationPair[] = [];
  const lockedMentees = new Set<string>();
  const locksPerMentor = new Map<string, number>();
  for (let attempt = 0; attempt < 10 * (options.locks ?? 0) && lockedPairs.length < (options.locks ?? 0); attempt += 1) {
    if (mentorIds.length === 0 || menteeIds.length === 0) break;
    const mentor = random.pick(mentorIds);
    const mentee = random.pick(menteeIds);
    const excluded = excludedPairs.some(
      (pair) => pair.mentorApplicationId === mentor.applicationId && pair.menteeApplicationId === mentee.applicationId,
    );
    if (
      lockedMentees.has(mentee.applicationId) ||
      (locksPerMentor.get(mentor.applicationId) ?? 0) >= mentor.capacity ||
      mentor.userId === mentee.userId ||
      excluded
    ) {
      continue;
    }
    lockedMentees.add(mentee.applicationId);
    locksPerMentor.set(mentor.applicationId, (locksPerMentor.get(mentor.applicationId) ?? 0) + 1);
    lockedPairs.push({ mentorApplicationId: mentor.applicationId, menteeApplicationId: mentee.applicationId });
  }

  const weight = (): number => (random.chance(0.15) ? 0 : random.int(0, 20) / 2);
  return {
    applications,
    weights: { topics: weight(), goals: weight(), experienceGap: weight(), timezone: weight(), format: weight() },
    settings: {
      forbidSameEmployer: random.chance(0.7),
      minExperienceGapYears: random.int(0, 5),
      allowRepeatPairs: random.chance(0.3),
    },
    previousPairs,
    lockedPairs,
    excludedPairs,
    now: options.now ?? new Date('2026-03-15T12:00:00Z'),
  };
}
