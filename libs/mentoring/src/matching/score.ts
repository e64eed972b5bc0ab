/**
 * The soft criteria. Each yields a value in 0..1; a pair's score is {@link BASE_SCORE} plus the sum of
 * `weight × value` (weights 0..10), i.e. 1..51 points. Points are rounded to micro-points per criterion,
 * so the breakdown adds up to the score exactly.
 *
 * - topics: share of the mentee's topics the mentor also lists.
 * - goals: keywords of the mentee's goals found among the mentor's topic and goal keywords; full marks at
 *   {@link GOAL_KEYWORDS_FOR_FULL_MARKS} (or all of them, if the mentee's goals have fewer).
 * - experienceGap: years of experience above the required minimum gap, full marks at
 *   {@link EXPERIENCE_SURPLUS_FOR_FULL_MARKS}.
 * - timezone: 1 for the same UTC offset at `now`, falling linearly to 0 at 12 hours apart on the clock.
 * - format: 1 when the preferred formats agree or either side is open to both, else 0.
 */
import { extractKeywords, normaliseTopic } from './keywords.js';
import { clockHoursApart, formatUtcOffset } from './timezone.js';
import { prepareCohort, type PreparedApplicant, type PreparedCohort } from './prepare-cohort.js';
import { MatchingError, MatchingErrorCode } from './matching.errors.js';
import {
  BASE_SCORE,
  SCORE_SCALE,
  type MatchingApplication,
  type MatchingCriterion,
  type MatchingInput,
  type MeetingFormat,
  type PairScore,
  type ScoreBreakdownEntry,
} from './types.js';

export const GOAL_KEYWORDS_FOR_FULL_MARKS = 3;

export const EXPERIENCE_SURPLUS_FOR_FULL_MARKS = 5;

const HOURS_APART_FOR_ZERO = 12;

export const BASE_MICROS = BASE_SCORE * SCORE_SCALE;

/** Size of the intersection of two sorted arrays of distinct integers. */
function countCommon(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      common += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return common;
}

/** Criterion values from plain inputs; shared with the table-driven scorer in `pair-scorer.ts`. */
export const topicsValueOf = (common: number, wanted: number): number => (wanted === 0 ? 0 : common / wanted);

export const goalsValueOf = (matched: number, keywords: number): number =>
  keywords === 0 ? 0 : Math.min(1, matched / Math.min(keywords, GOAL_KEYWORDS_FOR_FULL_MARKS));

export function experienceGapValueOf(mentorYears: number, menteeYears: number, minimumGap: number): number {
  const surplus = mentorYears - menteeYears - minimumGap;
  return surplus <= 0 ? 0 : Math.min(1, surplus / EXPERIENCE_SURPLUS_FOR_FULL_MARKS);
}

export function timezoneValueOf(mentorOffset: number | null, menteeOffset: number | null): number {
  if (mentorOffset === null || menteeOffset === null) return 0;
  return 1 - clockHoursApart(mentorOffset, menteeOffset) / HOURS_APART_FOR_ZERO;
}

export const formatValueOf = (mentor: MeetingFormat, mentee: MeetingFormat): number =>
  mentor === mentee || mentor === 'EITHER' || mentee === 'EITHER' ? 1 : 0;

/** `weight × value` in integer micro-points. */
export const micros = (weight: number, value: number): number => Math.round(weight * value * SCORE_SCALE);

const topicsValue = (mentor: PreparedApplicant, mentee: PreparedApplicant): number =>
  topicsValueOf(countCommon(mentor.topicKeys, mentee.topicKeys), mentee.topicKeys.length);

const goalsValue = (mentor: PreparedApplicant, mentee: PreparedApplicant): number =>
  goalsValueOf(countCommon(mentor.keywordKeys, mentee.keywordKeys), mentee.keywordKeys.length);

const experienceGapValue = (cohort: PreparedCohort, mentor: PreparedApplicant, mentee: PreparedApplicant): number =>
  experienceGapValueOf(
    mentor.application.yearsOfExperience,
    mentee.application.yearsOfExperience,
    cohort.settings.minExperienceGapYears,
  );

const timezoneValue = (mentor: PreparedApplicant, mentee: PreparedApplicant): number =>
  timezoneValueOf(mentor.utcOffsetMinutes, mentee.utcOffsetMinutes);

const formatValue = (mentor: PreparedApplicant, mentee: PreparedApplicant): number =>
  formatValueOf(mentor.application.preferredFormat, mentee.application.preferredFormat);

/** The pair's score in integer micro-points (the reference; `pair-scorer.ts` is the fast equivalent). */
export function scorePairMicros(cohort: PreparedCohort, mentor: PreparedApplicant, mentee: PreparedApplicant): number {
  const w = cohort.weights;
  return (
    BASE_MICROS +
    micros(w.topics, topicsValue(mentor, mentee)) +
    micros(w.goals, goalsValue(mentor, mentee)) +
    micros(w.experienceGap, experienceGapValue(cohort, mentor, mentee)) +
    micros(w.timezone, timezoneValue(mentor, mentee)) +
    micros(w.format, formatValue(mentor, mentee))
  );
}

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

const years = (count: number): string => plural(Number(count.toFixed(1)), 'year');

function explainTopics(cohort: PreparedCohort, mentor: PreparedApplicant, mentee: PreparedApplicant): string {
  const wanted = mentee.topicKeys.length;
  if (wanted === 0) return 'The mentee listed no topics';
  const offered = new Set(Array.from(mentor.topicKeys, (key) => cohort.topicNames[key]));
  const shared = [...new Set(mentee.application.topics.map(normaliseTopic))].filter((topic) => offered.has(topic));
  if (shared.length === 0) return `Shares none of the mentee's ${plural(wanted, 'topic')}`;
  return `Shares ${shared.length} of ${plural(wanted, 'topic')}: ${shared.join(', ')}`;
}

function explainGoals(cohort: PreparedCohort, mentor: PreparedApplicant, mentee: PreparedApplicant): string {
  if (mentee.keywordKeys.length === 0) return 'The mentee gave no goals to compare';
  const offered = new Set(Array.from(mentor.keywordKeys, (key) => cohort.keywordNames[key]));
  const matched = extractKeywords(mentee.application.goals).filter((keyword) => offered.has(keyword));
  if (matched.length === 0) return "The mentee's goals share no keywords with the mentor's topics or goals";
  return `The mentee's goals mention ${matched.length === 1 ? 'a keyword' : `${matched.length} keywords`} from the mentor's topics or goals: ${matched.join(', ')}`;
}

function explainExperienceGap(cohort: PreparedCohort, mentor: PreparedApplicant, mentee: PreparedApplicant): string {
  const gap = mentor.application.yearsOfExperience - mentee.application.yearsOfExperience;
  const minimum = cohort.settings.minExperienceGapYears;
  if (gap < 0) return `Mentor has ${years(-gap)} less experience than the mentee`;
  if (gap < minimum) return `Mentor has only ${years(gap)} more experience than the mentee; ${years(minimum)} are required`;
  const more = `Mentor has ${years(gap)} more experience than the mentee`;
  return minimum > 0 ? `${more}, ${years(gap - minimum)} above the required ${years(minimum)}` : more;
}

function explainTimezone(mentor: PreparedApplicant, mentee: PreparedApplicant): string {
  if (mentor.utcOffsetMinutes === null) return `Mentor's time zone ${mentor.application.timezone} is not recognised`;
  if (mentee.utcOffsetMinutes === null) return `Mentee's time zone ${mentee.application.timezone} is not recognised`;
  const hours = clockHoursApart(mentor.utcOffsetMinutes, mentee.utcOffsetMinutes);
  const mentorOffset = formatUtcOffset(mentor.utcOffsetMinutes);
  if (hours === 0) {
    return mentor.utcOffsetMinutes === mentee.utcOffsetMinutes
      ? `Same UTC offset (${mentorOffset})`
      : `Same time of day (mentor ${mentorOffset}, mentee ${formatUtcOffset(mentee.utcOffsetMinutes)})`;
  }
  return `${plural(Number(hours.toFixed(2)), 'hour')} apart (mentor ${mentorOffset}, mentee ${formatUtcOffset(mentee.utcOffsetMinutes)})`;
}

const FORMAT_WORDS: Record<MeetingFormat, string> = {
  VIDEO: 'prefers video',
  IN_PERSON: 'prefers meeting in person',
  EITHER: 'is open to either format',
};

function explainFormat(mentor: PreparedApplicant, mentee: PreparedApplicant): string {
  const a = mentor.application.preferredFormat;
  const b = mentee.application.preferredFormat;
  if (a === b) return a === 'EITHER' ? 'Both are open to either format' : `Both ${FORMAT_WORDS[a].replace('prefers', 'prefer')}`;
  const joiner = formatValue(mentor, mentee) === 1 ? ';' : ', but';
  return `Mentor ${FORMAT_WORDS[a]}${joiner} mentee ${FORMAT_WORDS[b]}`;
}

function entry(criterion: MatchingCriterion, weight: number, value: number, explanation: string): ScoreBreakdownEntry {
  return { criterion, weight, value, points: micros(weight, value) / SCORE_SCALE, explanation };
}

/** Score and human breakdown of a pair; `score` equals `scorePairMicros(...) / SCORE_SCALE`. */
export function explainPairScore(cohort: PreparedCohort, mentor: PreparedApplicant, mentee: PreparedApplicant): PairScore {
  const w = cohort.weights;
  const breakdown: ScoreBreakdownEntry[] = [
    entry('topics', w.topics, topicsValue(mentor, mentee), explainTopics(cohort, mentor, mentee)),
    entry('goals', w.goals, goalsValue(mentor, mentee), explainGoals(cohort, mentor, mentee)),
    entry('experienceGap', w.experienceGap, experienceGapValue(cohort, mentor, mentee), explainExperienceGap(cohort, mentor, mentee)),
    entry('timezone', w.timezone, timezoneValue(mentor, mentee), explainTimezone(mentor, mentee)),
    entry('format', w.format, formatValue(mentor, mentee), explainFormat(mentor, mentee)),
    {
      criterion: 'base',
      weight: BASE_SCORE,
      value: 1,
      points: BASE_SCORE,
      explanation: `Every eligible pair starts with ${plural(BASE_SCORE, 'point')}, so that more pairs are made`,
    },
  ];
  return { score: scorePairMicros(cohort, mentor, mentee) / SCORE_SCALE, breakdown };
}

/**
 * Scores one mentor–mentee pair the way {@link proposeMatching} does (without checking eligibility), e.g.
 * to show an admin what a manual pair would score.
 */
export function scoreMatchingPair(
  mentor: MatchingApplication,
  mentee: MatchingApplication,
  context: Pick<MatchingInput, 'weights' | 'settings' | 'now'>,
): PairScore {
  if (mentor.role !== 'MENTOR' || mentee.role !== 'MENTEE') {
    throw new MatchingError(MatchingErrorCode.INVALID_MATCHING_INPUT, [
      `scoreMatchingPair expects a mentor then a mentee (got ${mentor.role} ${mentor.applicationId}, ${mentee.role} ${mentee.applicationId})`,
    ]);
  }
  const cohort = prepareCohort({ ...context, applications: [mentor, mentee] });
  return explainPairScore(cohort, cohort.mentors[0]!, cohort.mentees[0]!);
}
