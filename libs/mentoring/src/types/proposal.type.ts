import { Field, Float, ObjectType } from '@nestjs/graphql';
import { MentoringApplication } from './application.type.js';

@ObjectType('ScoreComponent', { description: "One criterion's share of a pair's score: points = weight × value." })
export class ScoreComponent {
  @Field({ description: 'topics, goals, experienceGap, timezone, format, or base (the point every eligible pair gets).' })
  criterion: string;
  @Field(() => Float) weight: number;
  @Field(() => Float, { description: '0..1' }) value: number;
  @Field(() => Float) points: number;
  @Field() explanation: string;
}

@ObjectType('ProposedPair')
export class ProposedPair {
  @Field(() => MentoringApplication) mentor: MentoringApplication;
  @Field(() => MentoringApplication) mentee: MentoringApplication;
  @Field(() => Float) score: number;
  @Field(() => [ScoreComponent], { description: 'Adds up to the score.' }) breakdown: ScoreComponent[];
  @Field({ description: 'Fixed by an admin.' }) locked: boolean;
  @Field(() => [String], { description: 'Matching rules a locked pair breaks (same employer, experience gap, repeat pair).' })
  waivedRules: string[];
}

@ObjectType('UnmatchedApplicant')
export class UnmatchedApplicant {
  @Field(() => MentoringApplication) application: MentoringApplication;
  @Field(() => [String]) reasons: string[];
}

@ObjectType('ExcludedPair', { description: 'A pair an admin ruled out: never proposed until unlocked.' })
export class ExcludedPair {
  @Field(() => MentoringApplication) mentor: MentoringApplication;
  @Field(() => MentoringApplication) mentee: MentoringApplication;
}

@ObjectType('MatchProposal', { description: 'The best set of pairs for the approved applications, with locks and exclusions applied.' })
export class MatchProposal {
  @Field(() => [ProposedPair]) pairs: ProposedPair[];
  @Field(() => [UnmatchedApplicant], { description: 'Mentees without a mentor, then mentors without a mentee, each with why.' })
  unmatched: UnmatchedApplicant[];
  @Field(() => [ExcludedPair], { description: 'The pairs ruled out, oldest first (so they can be unlocked).' })
  excludedPairs: ExcludedPair[];
  @Field(() => Float) totalScore: number;
  @Field({ description: 'True when the cohort was too large for an exhaustive search and only the best candidates were considered.' })
  pruned: boolean;
  @Field(() => [String], { description: 'What the matcher wants the admin to know (pruning, waived rules, places left…).' })
  notes: string[];
}
