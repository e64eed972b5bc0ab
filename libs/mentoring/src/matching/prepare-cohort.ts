/**
 * Validates a {@link MatchingInput} and turns it into indexed, interned arrays the scorer and solver can
 * walk quickly. Applications are sorted by application id, so the output never depends on input order.
 */
import { extractKeywords, normaliseEmployer, normaliseTopic } from './keywords.js';
import { MatchingError, MatchingErrorCode } from './matching.errors.js';
import { utcOffsetMinutes } from './timezone.js';
import {
  MATCHING_CRITERIA,
  MAX_MENTOR_CAPACITY,
  MAX_WEIGHT,
  type MatchingApplication,
  type MatchingInput,
  type MatchingSettings,
  type MatchingWeights,
} from './types.js';

export interface PreparedApplicant {
  readonly application: MatchingApplication;
  /** Position among the applicants of the same role, in application-id order. */
  readonly index: number;
  readonly userKey: number;
  /** -1 when no employer is given. */
  readonly employerKey: number;
  /** Sorted, distinct ids into `PreparedCohort.topicNames`. */
  readonly topicKeys: Int32Array;
  /** Sorted, distinct ids into `PreparedCohort.keywordNames`: goal keywords (mentee), or topic and goal keywords (mentor). */
  readonly keywordKeys: Int32Array;
  readonly utcOffsetMinutes: number | null;
  /** Mentees a mentor takes; 1 for mentees. */
  readonly capacity: number;
}

export interface PreparedCohort {
  readonly mentors: readonly PreparedApplicant[];
  readonly mentees: readonly PreparedApplicant[];
  readonly weights: MatchingWeights;
  readonly settings: MatchingSettings;
  readonly topicNames: readonly string[];
  readonly keywordNames: readonly string[];
  /** Mentee user key → user keys of their mentors in earlier cohorts. */
  readonly previousMentorsByMentee: ReadonlyMap<number, ReadonlySet<number>>;
  /** Mentee index → indexes of mentors an admin excluded. */
  readonly excludedMentorsByMentee: ReadonlyMap<number, ReadonlySet<number>>;
  readonly applicantsById: ReadonlyMap<string, PreparedApplicant>;
  /** Human notes about tolerated input problems (unknown time zones, stale exclusions). */
  readonly notes: string[];
}

type Preparable = Pick<MatchingInput, 'applications' | 'weights' | 'settings' | 'now' | 'previousPairs' | 'excludedPairs'>;

class Interner {
  readonly names: string[] = [];
  private readonly keys = new Map<string, number>();

  key(name: string): number {
    let key = this.keys.get(name);
    if (key === undefined) {
      key = this.names.length;
      this.keys.set(name, key);
      this.names.push(name);
    }
    return key;
  }

  existingKey(name: string): number | undefined {
    return this.keys.get(name);
  }
}

function sortedKeys(interner: Interner, names: Iterable<string>): Int32Array {
  const keys = new Set<number>();
  for (const name of names) keys.add(interner.key(name));
  return Int32Array.from(keys).sort();
}

function validate(input: Preparable): void {
  const issues: string[] = [];
  for (const criterion of MATCHING_CRITERIA) {
    const weight = input.weights[criterion];
    if (!Number.isFinite(weight) || weight < 0 || weight > MAX_WEIGHT) {
      issues.push(`weight "${criterion}" must be a number from 0 to ${MAX_WEIGHT} (got ${weight})`);
    }
  }
  const gap = input.settings.minExperienceGapYears;
  if (!Number.isFinite(gap) || gap < 0) issues.push(`minExperienceGapYears must be a number >= 0 (got ${gap})`);
  if (!(input.now instanceof Date) || Number.isNaN(input.now.getTime())) issues.push('now must be a valid Date');

  const seen = new Set<string>();
  for (const application of input.applications) {
    const id = application.applicationId;
    if (seen.has(id)) issues.push(`application ${id} appears more than once`);
    seen.add(id);
    if (application.role !== 'MENTOR' && application.role !== 'MENTEE') {
      issues.push(`application ${id} has an unknown role ${String(application.role)}`);
    }
    if (!Number.isFinite(application.yearsOfExperience) || application.yearsOfExperience < 0) {
      issues.push(`application ${id} has an invalid yearsOfExperience (${application.yearsOfExperience})`);
    }
    if (
      application.role === 'MENTOR' &&
      (!Number.isInteger(application.capacity) || application.capacity < 1 || application.capacity > MAX_MENTOR_CAPACITY)
    ) {
      issues.push(`mentor application ${id} must have a capacity from 1 to ${MAX_MENTOR_CAPACITY} (got ${application.capacity})`);
    }
  }
  if (issues.length > 0) throw new MatchingError(MatchingErrorCode.INVALID_MATCHING_INPUT, issues);
}

export function prepareCohort(input: Preparable): PreparedCohort {
  validate(input);
  const users = new Interner();
  const employers = new Interner();
  const topics = new Interner();
  const keywords = new Interner();
  const notes: string[] = [];
  const offsets = new Map<string, number | null>();
  const unknownZones = new Set<string>();

  const byId = (a: MatchingApplication, b: MatchingApplication) =>
    a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0;
  const prepare = (application: MatchingApplication, index: number): PreparedApplicant => {
    if (!offsets.has(application.timezone)) offsets.set(application.timezone, utcOffsetMinutes(application.timezone, input.now));
    const offset = offsets.get(application.timezone) ?? null;
    if (offset === null) unknownZones.add(application.timezone);
    const topicNames = application.topics.map(normaliseTopic).filter((topic) => topic.length > 0);
    const keywordNames =
      application.role === 'MENTOR'
        ? [...topicNames.flatMap((topic) => extractKeywords(topic)), ...extractKeywords(application.goals)]
        : extractKeywords(application.goals);
    const employer = input.settings.forbidSameEmployer ? normaliseEmployer(application.employer) : null;
    return {
      application,
      index,
      userKey: users.key(application.userId),
      employerKey: employer === null ? -1 : employers.key(employer),
      topicKeys: sortedKeys(topics, topicNames),
      keywordKeys: sortedKeys(keywords, keywordNames),
      utcOffsetMinutes: offset,
      capacity: application.role === 'MENTOR' ? application.capacity : 1,
    };
  };

  const mentors = input.applications.filter((a) => a.role === 'MENTOR').sort(byId).map(prepare);
  const mentees = input.applications.filter((a) => a.role === 'MENTEE').sort(byId).map(prepare);
  const applicantsById = new Map<string, PreparedApplicant>();
  for (const applicant of [...mentors, ...mentees]) applicantsById.set(applicant.application.applicationId, applicant);

  const previousMentorsByMentee = new Map<number, Set<number>>();
  if (!input.settings.allowRepeatPairs) {
    for (const [mentorUserId, menteeUserId] of input.previousPairs ?? []) {
      const mentorKey = users.existingKey(mentorUserId);
      const menteeKey = users.existingKey(menteeUserId);
      if (mentorKey === undefined || menteeKey === undefined) continue; // not both in this cohort
      let mentorsOfMentee = previousMentorsByMentee.get(menteeKey);
      if (!mentorsOfMentee) previousMentorsByMentee.set(menteeKey, (mentorsOfMentee = new Set()));
      mentorsOfMentee.add(mentorKey);
    }
  }

  const excludedMentorsByMentee = new Map<number, Set<number>>();
  let staleExclusions = 0;
  for (const pair of input.excludedPairs ?? []) {
    const mentor = applicantsById.get(pair.mentorApplicationId);
    const mentee = applicantsById.get(pair.menteeApplicationId);
    if (mentor?.application.role !== 'MENTOR' || mentee?.application.role !== 'MENTEE') {
      staleExclusions += 1;
      continue;
    }
    let excluded = excludedMentorsByMentee.get(mentee.index);
    if (!excluded) excludedMentorsByMentee.set(mentee.index, (excluded = new Set()));
    excluded.add(mentor.index);
  }

  if (unknownZones.size > 0) {
    notes.push(`Unrecognised time zones scored 0 for time-zone closeness: ${[...unknownZones].sort().join(', ')}.`);
  }
  if (staleExclusions > 0) {
    notes.push(`${staleExclusions} excluded pair(s) do not name a mentor and a mentee of this cohort and were ignored.`);
  }

  return {
    mentors,
    mentees,
    weights: input.weights,
    settings: input.settings,
    topicNames: topics.names,
    keywordNames: keywords.names,
    previousMentorsByMentee,
    excludedMentorsByMentee,
    applicantsById,
    notes,
  };
}
