/**
 * Public types of the mentor–mentee matcher.
 *
 * Scores are points: every criterion contributes `weight × value` with a weight in 0..10 and a value in
 * 0..1, and every eligible pair gets a base of {@link BASE_SCORE} point, so a pair scores between 1 and
 * 51 (five criteria at full weight). Points are kept as integer micro-points internally
 * ({@link SCORE_SCALE}) so that the total is exact.
 */

export type MentoringRole = 'MENTOR' | 'MENTEE';

export type MeetingFormat = 'VIDEO' | 'IN_PERSON' | 'EITHER';

/** One approved application to a mentoring cohort. */
export interface MatchingApplication {
  applicationId: string;
  userId: string;
  role: MentoringRole;
  topics: readonly string[];
  goals?: string | null;
  yearsOfExperience: number;
  /** IANA time zone, e.g. `Europe/Berlin`. */
  timezone: string;
  preferredFormat: MeetingFormat;
  /** How many mentees a mentor takes (1..5). Ignored for mentees. */
  capacity: number;
  employer?: string | null;
}

export const MATCHING_CRITERIA = ['topics', 'goals', 'experienceGap', 'timezone', 'format'] as const;

export type MatchingCriterion = (typeof MATCHING_CRITERIA)[number];

/** How much each criterion counts, each 0..10. */
export type MatchingWeights = Readonly<Record<MatchingCriterion, number>>;

export interface MatchingSettings {
  /** Never pair two people whose employers are equal (trimmed, case-insensitive). */
  forbidSameEmployer: boolean;
  /** A mentor needs at least this many more years of experience than the mentee (>= 0). */
  minExperienceGapYears: number;
  /** Allow a mentor and mentee who were paired in an earlier cohort of the program. */
  allowRepeatPairs: boolean;
}

export interface ApplicationPair {
  mentorApplicationId: string;
  menteeApplicationId: string;
}

/** A pair from an earlier cohort of the same program, by user ids. */
export type PreviousPair = readonly [mentorUserId: string, menteeUserId: string];

export interface MatchingLimits {
  /**
   * When more eligible pairs than this exist, only pairs in which the mentor is among the mentee's
   * `candidatesPerMentee` best-scoring mentors, or the mentee among the mentor's `candidatesPerMentee`
   * best-scoring mentees, are considered. Default {@link DEFAULT_MAX_CANDIDATE_PAIRS}.
   */
  maxCandidatePairs?: number;
  /** K of the pruning rule above. Default {@link DEFAULT_CANDIDATES_PER_MENTEE}. */
  candidatesPerMentee?: number;
}

export interface MatchingInput {
  /** Approved mentor and mentee applications of the cohort. */
  applications: readonly MatchingApplication[];
  weights: MatchingWeights;
  settings: MatchingSettings;
  previousPairs?: readonly PreviousPair[];
  /** Pairs an admin fixed: always proposed, even when they break a policy rule (reported on the pair). */
  lockedPairs?: readonly ApplicationPair[];
  /** Pairs an admin ruled out. */
  excludedPairs?: readonly ApplicationPair[];
  limits?: MatchingLimits;
  /** The instant at which time-zone offsets are compared. */
  now: Date;
}

/** Why a mentor and a mentee may not be paired, in the order they are checked. */
export type IneligibilityReason =
  | 'SAME_PERSON'
  | 'EXCLUDED'
  | 'SAME_EMPLOYER'
  | 'INSUFFICIENT_EXPERIENCE'
  | 'PREVIOUS_PAIR';

export interface ScoreBreakdownEntry {
  /** A weighted criterion, or `base`: the point every eligible pair gets. */
  criterion: MatchingCriterion | 'base';
  weight: number;
  /** 0..1 */
  value: number;
  /** `weight × value`, rounded to micro-points. The entries' points add up to the pair's score. */
  points: number;
  explanation: string;
}

export interface PairScore {
  score: number;
  breakdown: ScoreBreakdownEntry[];
}

export interface ProposedPair extends ApplicationPair, PairScore {
  locked: boolean;
  /** Policy rules a locked pair breaks (empty for every pair the matcher chose itself). */
  waivedRules: IneligibilityReason[];
}

export interface UnmatchedApplication {
  applicationId: string;
  role: MentoringRole;
  reasons: string[];
}

export interface MatchingStats {
  mentors: number;
  mentees: number;
  lockedPairs: number;
  /** Eligible pairs among mentees without a lock and mentors with room left after locks. */
  eligiblePairs: number;
  /** Pairs the optimiser considered (fewer than `eligiblePairs` when pruned). */
  candidatePairs: number;
}

export interface MatchingResult {
  /** Sorted by mentor then mentee application id. */
  pairs: ProposedPair[];
  /** Mentees without a mentor, then mentors without any mentee, each sorted by application id. */
  unmatched: UnmatchedApplication[];
  /** Sum of the pairs' scores (exact in micro-points). */
  totalScore: number;
  /** True when only the best candidates were considered (see `MatchingLimits`); the matching is optimal among those. */
  pruned: boolean;
  candidatesPerMentee: number | null;
  notes: string[];
  stats: MatchingStats;
}

/** Points every eligible pair gets, so that — all else equal — more pairs are made. */
export const BASE_SCORE = 1;

/** Scores are integers of micro-points internally. */
export const SCORE_SCALE = 1_000_000;

export const MAX_WEIGHT = 10;

export const MAX_MENTOR_CAPACITY = 5;

/** 5,000 mentees × 1,500 mentors have ~5.5 million eligible pairs: solved exactly (see `exact-assignment.ts`). */
export const DEFAULT_MAX_CANDIDATE_PAIRS = 8_000_000;

export const DEFAULT_CANDIDATES_PER_MENTEE = 25;
