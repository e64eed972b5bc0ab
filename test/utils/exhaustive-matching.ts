/**
 * Exhaustive maximum-score matching for small cohorts, written independently of the solver and of
 * `constraints.ts`, to check them: a depth-first search over mentees (each takes an eligible mentor with
 * room, or none), memoised on (mentee position, remaining capacities). Only the scores come from the
 * library (`scoreMatchingPair`), since they define the objective.
 */
import { scoreMatchingPair } from '../../libs/mentoring/src/matching/score.js';
import { SCORE_SCALE, type MatchingApplication, type MatchingInput } from '../../libs/mentoring/src/matching/types.js';

export interface ExhaustiveOptions {
  /**
   * Keep only pairs in which the mentor is among the mentee's K best eligible mentors with room, or the
   * mentee among the mentor's K best free eligible mentees (score desc, then lower application id).
   */
  candidatesPerMentee?: number;
}

const employerOf = (application: MatchingApplication): string => application.employer?.trim().toLowerCase() ?? '';

/** The hard rules, straight from the specification. */
export function isEligiblePair(input: MatchingInput, mentor: MatchingApplication, mentee: MatchingApplication): boolean {
  if (mentor.userId === mentee.userId) return false;
  const excluded = (input.excludedPairs ?? []).some(
    (pair) => pair.mentorApplicationId === mentor.applicationId && pair.menteeApplicationId === mentee.applicationId,
  );
  if (excluded) return false;
  if (input.settings.forbidSameEmployer && employerOf(mentor) !== '' && employerOf(mentor) === employerOf(mentee)) {
    return false;
  }
  if (mentor.yearsOfExperience < mentee.yearsOfExperience + input.settings.minExperienceGapYears) return false;
  const repeat = (input.previousPairs ?? []).some(([mentorUser, menteeUser]) => mentorUser === mentor.userId && menteeUser === mentee.userId);
  return input.settings.allowRepeatPairs || !repeat;
}

export function pairScoreMicros(input: MatchingInput, mentor: MatchingApplication, mentee: MatchingApplication): number {
  return Math.round(scoreMatchingPair(mentor, mentee, input).score * SCORE_SCALE);
}

/** The best achievable total score in micro-points, locked pairs included. */
export function exhaustiveBestTotalMicros(input: MatchingInput, options: ExhaustiveOptions = {}): number {
  const mentors = input.applications.filter((a) => a.role === 'MENTOR');
  const mentees = input.applications.filter((a) => a.role === 'MENTEE');
  const mentorById = new Map(mentors.map((mentor) => [mentor.applicationId, mentor]));
  const lockedMentee = new Set<string>();
  const room = mentors.map((mentor) => mentor.capacity);
  let lockedTotal = 0;
  for (const lock of input.lockedPairs ?? []) {
    if (lockedMentee.has(lock.menteeApplicationId)) continue;
    const mentor = mentorById.get(lock.mentorApplicationId)!;
    const mentee = mentees.find((m) => m.applicationId === lock.menteeApplicationId)!;
    lockedMentee.add(mentee.applicationId);
    room[mentors.indexOf(mentor)]! -= 1;
    lockedTotal += pairScoreMicros(input, mentor, mentee);
  }

  const free = mentees.filter((mentee) => !lockedMentee.has(mentee.applicationId));
  const open = mentors.map((mentor, index) => ({ mentor, index })).filter(({ index }) => room[index]! > 0);
  const eligible = free.map((mentee) =>
    open
      .filter(({ mentor }) => isEligiblePair(input, mentor, mentee))
      .map(({ mentor, index }) => ({ index, id: mentor.applicationId, score: pairScoreMicros(input, mentor, mentee) })),
  );
  const best = <T extends { score: number; id: string }>(items: T[], k: number): T[] =>
    [...items].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, k);
  let choices = eligible;
  const k = options.candidatesPerMentee;
  if (k !== undefined) {
    // A pair survives pruning when either side ranks the other among its k best.
    const mentorsTop = open.map(({ index }) => {
      const offers = free.flatMap((mentee, position) =>
        eligible[position]!.filter((choice) => choice.index === index).map((choice) => ({ score: choice.score, id: mentee.applicationId, position })),
      );
      return new Set(best(offers, k).map((offer) => offer.position));
    });
    choices = eligible.map((list, position) => {
      const menteeTop = new Set(best(list, k));
      return list.filter((choice) => menteeTop.has(choice) || mentorsTop[open.findIndex(({ index }) => index === choice.index)]!.has(position));
    });
  }

  const memo = new Map<string, number>();
  const bestFrom = (position: number): number => {
    if (position === free.length) return 0;
    const key = `${position}|${room.join(',')}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let value = bestFrom(position + 1); // this mentee stays unmatched
    for (const option of choices[position]!) {
      if (room[option.index]! === 0) continue;
      room[option.index]! -= 1;
      value = Math.max(value, option.score + bestFrom(position + 1));
      room[option.index]! += 1;
    }
    memo.set(key, value);
    return value;
  };
  return lockedTotal + bestFrom(0);
}
