import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CohortStatus } from '../mentoring.enums.js';

@ObjectType('MatchingWeights', { description: 'How much each criterion counts when pairs are scored, each 0..10.' })
export class MatchingWeights {
  @Field(() => Int, { description: "Share of the mentee's topics the mentor also lists." }) topics: number;
  @Field(() => Int, { description: "Keywords of the mentee's goals found in the mentor's topics and goals." }) goals: number;
  @Field(() => Int, { description: 'Experience above the required minimum gap (full marks at 5 years more).' }) experienceGap: number;
  @Field(() => Int, { description: 'Closeness of UTC offsets (0 at 12 hours apart).' }) timezone: number;
  @Field(() => Int, { description: 'Preferred meeting formats agree.' }) format: number;
}

@ObjectType('MatchingSettings', { description: 'Rules no proposed pair breaks (an admin lock may override them).' })
export class MatchingSettings {
  @Field({ description: "Never pair people with the same employer (from the member's profile)." }) forbidSameEmployer: boolean;
  @Field(() => Int, { description: 'A mentor needs at least this many more years of experience than the mentee.' })
  minExperienceGapYears: number;
  @Field({ description: 'Allow a mentor and mentee paired in an earlier cohort of the program to be paired again.' })
  allowRepeatPairs: boolean;
}

/** `program`, `applications`, `pairs` and `report` are resolved through loaders; weights and settings from the row. */
@ObjectType('Cohort')
export class Cohort {
  @Field(() => ID) id: string;
  programId: string;
  @Field() name: string;
  @Field(() => CohortStatus) status: CohortStatus;
  @Field(() => Date, { nullable: true, description: 'Applications are refused after this moment, even while open.' })
  applicationsCloseAt: Date | null;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  weightTopics: number;
  weightGoals: number;
  weightExperienceGap: number;
  weightTimezone: number;
  weightFormat: number;
  forbidSameEmployer: boolean;
  minExperienceGapYears: number;
  allowRepeatPairs: boolean;
}
