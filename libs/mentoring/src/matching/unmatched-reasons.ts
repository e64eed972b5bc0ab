/** Sentences that tell an admin why a mentee got no mentor, or a mentor no mentee. */
import { findIneligibility, INELIGIBILITY_REASONS, isEligible } from './constraints.js';
import type { MatchingPlan } from './matching-plan.js';
import type { PreparedApplicant } from './prepare-cohort.js';
import type { IneligibilityReason } from './types.js';

export type MatchingStrategy = 'optimal' | 'greedy';

export interface MatchingOutcome {
  readonly plan: MatchingPlan;
  readonly strategy: MatchingStrategy;
  /** Mentee index → mentor index, or -1 (locks included). */
  readonly mentorOfMentee: Int32Array;
  /** Mentor index → mentees assigned (locks included). */
  readonly load: Int32Array;
}

type Wording = readonly [one: string, many: string];

function menteeView(reason: IneligibilityReason, minGap: number): Wording {
  switch (reason) {
    case 'SAME_PERSON':
      return ["is the mentee's own mentor application", "are the mentee's own mentor applications"];
    case 'EXCLUDED':
      return ['was excluded by an admin', 'were excluded by an admin'];
    case 'SAME_EMPLOYER':
      return ['works for the same employer', 'work for the same employer'];
    case 'INSUFFICIENT_EXPERIENCE':
      return minGap > 0
        ? [`has fewer than ${minGap} more years of experience`, `have fewer than ${minGap} more years of experience`]
        : ['has less experience', 'have less experience'];
    case 'PREVIOUS_PAIR':
      return ['was their mentor in an earlier cohort', 'were their mentors in an earlier cohort'];
  }
}

function mentorView(reason: IneligibilityReason, minGap: number): Wording {
  switch (reason) {
    case 'SAME_PERSON':
      return ["is the mentor's own mentee application", "are the mentor's own mentee applications"];
    case 'EXCLUDED':
      return ['was excluded by an admin', 'were excluded by an admin'];
    case 'SAME_EMPLOYER':
      return ['works for the same employer', 'work for the same employer'];
    case 'INSUFFICIENT_EXPERIENCE':
      return minGap > 0
        ? [`has too much experience for the required ${minGap}-year gap`, `have too much experience for the required ${minGap}-year gap`]
        : ['has more experience', 'have more experience'];
    case 'PREVIOUS_PAIR':
      return ['was their mentee in an earlier cohort', 'were their mentees in an earlier cohort'];
  }
}

const phrase = (count: number, [one, many]: Wording): string => `${count} ${count === 1 ? one : many}`;

/** "No eligible mentor among 6: 3 work for the same employer, 2 have …". */
function ineligibleSummary(
  others: string,
  total: number,
  counts: ReadonlyMap<IneligibilityReason, number>,
  wording: (reason: IneligibilityReason) => Wording,
): string {
  const parts = INELIGIBILITY_REASONS.filter((reason) => counts.has(reason)).map((reason) =>
    phrase(counts.get(reason)!, wording(reason)),
  );
  return `No eligible ${others} among ${total}: ${parts.join(', ')}`;
}

/** "The other 2 mentors are not eligible: 1 works for …", or nothing when all were eligible. */
function otherIneligible(
  noun: string,
  counts: ReadonlyMap<IneligibilityReason, number>,
  wording: (reason: IneligibilityReason) => Wording,
): string[] {
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  if (total === 0) return [];
  const parts = INELIGIBILITY_REASONS.filter((reason) => counts.has(reason)).map((reason) =>
    phrase(counts.get(reason)!, wording(reason)),
  );
  const subject = total === 1 ? `The other ${noun} is` : `The other ${total} ${noun}s are`;
  return [`${subject} not eligible: ${parts.join(', ')}`];
}

function candidateMentors(outcome: MatchingOutcome, mentee: PreparedApplicant): Set<number> {
  const { offsets, mentorIndex } = outcome.plan.graph;
  return new Set(mentorIndex.subarray(offsets[mentee.index]!, offsets[mentee.index + 1]!));
}

export function explainUnmatchedMentee(outcome: MatchingOutcome, mentee: PreparedApplicant): string[] {
  const { cohort, lockedLoad } = outcome.plan;
  if (cohort.mentors.length === 0) return ['The cohort has no mentors'];
  const counts = new Map<IneligibilityReason, number>();
  const eligible: PreparedApplicant[] = [];
  for (const mentor of cohort.mentors) {
    if (isEligible(cohort, mentor, mentee)) {
      eligible.push(mentor);
      continue;
    }
    const reason = findIneligibility(cohort, mentor, mentee)!;
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  const minGap = cohort.settings.minExperienceGapYears;
  if (eligible.length === 0) {
    return [ineligibleSummary('mentor', cohort.mentors.length, counts, (reason) => menteeView(reason, minGap))];
  }

  const candidates = candidateMentors(outcome, mentee);
  const wasConsidered = (mentor: PreparedApplicant) =>
    candidates.has(mentor.index) || outcome.plan.mentorRoom[mentor.index] === 0; // full of locks: not a candidate
  const considered: PreparedApplicant[] = [];
  const skipped: PreparedApplicant[] = [];
  for (const mentor of eligible) (wasConsidered(mentor) ? considered : skipped).push(mentor);
  const lockedFull = considered.filter((mentor) => lockedLoad[mentor.index] === mentor.capacity).length;
  const whom =
    skipped.length > 0
      ? considered.length === 1
        ? `The only mentor considered (of ${eligible.length} eligible, large cohort) is full`
        : `All ${considered.length} mentors considered (of ${eligible.length} eligible, large cohort) are full`
      : considered.length === 1
        ? 'The only eligible mentor is full'
        : `All ${considered.length} eligible mentors are full`;
  const why =
    outcome.strategy === 'greedy'
      ? ' with pairs that scored at least as high'
      : skipped.length > 0
        ? ', and no reshuffle of the pairs considered that places this mentee would raise the total score'
        : ', and no reshuffle that places this mentee would raise the total score';
  const reasons = [
    lockedFull === considered.length
      ? `${whom} with locked pairs`
      : `${whom}${lockedFull > 0 ? ` (${lockedFull} with locked pairs)` : ''}${why}`,
  ];
  const withRoom = skipped.filter((mentor) => outcome.load[mentor.index]! < mentor.capacity).length;
  if (withRoom > 0) {
    reasons.push(`${phrase(withRoom, ['eligible mentor that was not considered still has', 'eligible mentors that were not considered still have'])} room for a manual pair`);
  }
  return [...reasons, ...otherIneligible('mentor', counts, (reason) => menteeView(reason, minGap))];
}

export function explainIdleMentor(outcome: MatchingOutcome, mentor: PreparedApplicant): string[] {
  const { cohort, graph, menteeIsFree } = outcome.plan;
  if (cohort.mentees.length === 0) return ['The cohort has no mentees'];
  const counts = new Map<IneligibilityReason, number>();
  let lockedElsewhere = 0;
  let matchedElsewhere = 0;
  let notCandidate = 0;
  for (const mentee of cohort.mentees) {
    const reason = isEligible(cohort, mentor, mentee) ? null : findIneligibility(cohort, mentor, mentee)!;
    if (reason !== null) counts.set(reason, (counts.get(reason) ?? 0) + 1);
    else if (!menteeIsFree[mentee.index]) lockedElsewhere += 1;
    else if (outcome.mentorOfMentee[mentee.index] !== -1) matchedElsewhere += 1;
    else notCandidate += 1; // only possible when pruned: this mentor was outside the mentee's best candidates
  }
  const minGap = cohort.settings.minExperienceGapYears;
  if (lockedElsewhere + matchedElsewhere + notCandidate === 0) {
    return [ineligibleSummary('mentee', cohort.mentees.length, counts, (reason) => mentorView(reason, minGap))];
  }
  const reasons: string[] = [];
  if (lockedElsewhere > 0) {
    reasons.push(`${phrase(lockedElsewhere, ['eligible mentee is', 'eligible mentees are'])} locked to other mentors`);
  }
  if (matchedElsewhere > 0) {
    reasons.push(
      `${phrase(matchedElsewhere, ['eligible mentee is', 'eligible mentees are'])} matched with other mentors` +
        (outcome.strategy === 'optimal'
          ? ', and no reshuffle that gives this mentor a mentee would raise the total score'
          : ' in pairs that scored at least as high'),
    );
  }
  if (notCandidate > 0) {
    reasons.push(
      `${phrase(notCandidate, ['eligible mentee without a mentor was', 'eligible mentees without a mentor were'])} not considered ` +
        `for this mentor (large cohort: neither ranks the other among its ${graph.candidatesPerMentee} best); a manual pair is possible`,
    );
  }
  return [...reasons, ...otherIneligible('mentee', counts, (reason) => mentorView(reason, minGap))];
}
