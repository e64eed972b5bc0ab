/**
 * Table-driven equivalent of `scorePairMicros`, for scoring every mentor × mentee pair of a large cohort:
 * mentors' topics and keywords become bitsets, mentees' per-count points and the time-zone and format
 * points are looked up. It reuses the criterion functions of `score.ts`, so it returns exactly the same
 * integers.
 */
import type { PreparedApplicant, PreparedCohort } from './prepare-cohort.js';
import {
  BASE_MICROS,
  experienceGapValueOf,
  formatValueOf,
  goalsValueOf,
  micros,
  timezoneValueOf,
  topicsValueOf,
} from './score.js';
import type { MeetingFormat } from './types.js';

/** Score in micro-points of (mentor index, mentee index); eligibility is not checked. */
export type PairScorer = (mentorIndex: number, menteeIndex: number) => number;

const FORMATS: readonly MeetingFormat[] = ['VIDEO', 'IN_PERSON', 'EITHER'];

function bitsets(applicants: readonly PreparedApplicant[], keysOf: (a: PreparedApplicant) => Int32Array, universe: number) {
  const words = Math.max(1, (universe + 31) >>> 5);
  const bits = new Int32Array(applicants.length * words);
  for (const applicant of applicants) {
    for (const key of keysOf(applicant)) bits[applicant.index * words + (key >>> 5)]! |= 1 << (key & 31);
  }
  return { words, bits };
}

/** Flattened key lists, plus for each applicant a row of points by number of keys in common (0..n). */
function keyRows(
  applicants: readonly PreparedApplicant[],
  keysOf: (a: PreparedApplicant) => Int32Array,
  pointsFor: (common: number, total: number) => number,
) {
  const start = new Int32Array(applicants.length + 1);
  for (const a of applicants) start[a.index + 1] = start[a.index]! + keysOf(a).length;
  const keys = new Int32Array(start[applicants.length]!);
  const pointsStart = new Int32Array(applicants.length);
  const points = new Float64Array(keys.length + applicants.length);
  for (const a of applicants) {
    const own = keysOf(a);
    keys.set(own, start[a.index]!);
    pointsStart[a.index] = start[a.index]! + a.index;
    for (let common = 0; common <= own.length; common += 1) points[pointsStart[a.index]! + common] = pointsFor(common, own.length);
  }
  return { start, keys, pointsStart, points };
}

export function createPairScorer(cohort: PreparedCohort): PairScorer {
  const { mentors, mentees, weights } = cohort;
  const minimumGap = cohort.settings.minExperienceGapYears;

  const mentorTopics = bitsets(mentors, (a) => a.topicKeys, cohort.topicNames.length);
  const mentorKeywords = bitsets(mentors, (a) => a.keywordKeys, cohort.keywordNames.length);
  const menteeTopics = keyRows(mentees, (a) => a.topicKeys, (common, total) => micros(weights.topics, topicsValueOf(common, total)));
  const menteeKeywords = keyRows(mentees, (a) => a.keywordKeys, (common, total) => micros(weights.goals, goalsValueOf(common, total)));

  // Time zones: one row/column per distinct offset, the last for unrecognised zones.
  const offsets = [...new Set([...mentors, ...mentees].map((a) => a.utcOffsetMinutes).filter((o): o is number => o !== null))];
  const zones: Array<number | null> = [...offsets, null];
  const zoneOf = (a: PreparedApplicant) => (a.utcOffsetMinutes === null ? offsets.length : offsets.indexOf(a.utcOffsetMinutes));
  const mentorZone = Int32Array.from(mentors, zoneOf);
  const menteeZone = Int32Array.from(mentees, zoneOf);
  const zoneCount = zones.length;
  const timezonePoints = new Float64Array(zoneCount * zoneCount);
  for (let i = 0; i < zoneCount; i += 1) {
    for (let j = 0; j < zoneCount; j += 1) timezonePoints[i * zoneCount + j] = micros(weights.timezone, timezoneValueOf(zones[i]!, zones[j]!));
  }

  const formatOf = (a: PreparedApplicant) => FORMATS.indexOf(a.application.preferredFormat);
  const mentorFormat = Int32Array.from(mentors, formatOf);
  const menteeFormat = Int32Array.from(mentees, formatOf);
  const formatPoints = Float64Array.from({ length: 9 }, (_, cell) =>
    micros(weights.format, formatValueOf(FORMATS[Math.floor(cell / 3)]!, FORMATS[cell % 3]!)),
  );

  const mentorYears = Float64Array.from(mentors, (a) => a.application.yearsOfExperience);
  const menteeYears = Float64Array.from(mentees, (a) => a.application.yearsOfExperience);
  const experienceWeight = weights.experienceGap;

  const { words: topicWords, bits: topicBits } = mentorTopics;
  const { words: keywordWords, bits: keywordBits } = mentorKeywords;
  return (m, e) => {
    let topicsInCommon = 0;
    const topicRow = m * topicWords;
    for (let i = menteeTopics.start[e]!, end = menteeTopics.start[e + 1]!; i < end; i += 1) {
      const key = menteeTopics.keys[i]!;
      topicsInCommon += (topicBits[topicRow + (key >>> 5)]! >>> (key & 31)) & 1;
    }
    let keywordsInCommon = 0;
    const keywordRow = m * keywordWords;
    for (let i = menteeKeywords.start[e]!, end = menteeKeywords.start[e + 1]!; i < end; i += 1) {
      const key = menteeKeywords.keys[i]!;
      keywordsInCommon += (keywordBits[keywordRow + (key >>> 5)]! >>> (key & 31)) & 1;
    }
    return (
      BASE_MICROS +
      menteeTopics.points[menteeTopics.pointsStart[e]! + topicsInCommon]! +
      menteeKeywords.points[menteeKeywords.pointsStart[e]! + keywordsInCommon]! +
      micros(experienceWeight, experienceGapValueOf(mentorYears[m]!, menteeYears[e]!, minimumGap)) +
      timezonePoints[mentorZone[m]! * zoneCount + menteeZone[e]!]! +
      formatPoints[mentorFormat[m]! * 3 + menteeFormat[e]!]!
    );
  };
}
