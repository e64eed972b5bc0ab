import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { PairStatus } from '../mentoring.enums.js';
import { MentoringApplication } from './application.type.js';
import { MentoringPair } from './pair.type.js';

@ObjectType('MentoringPairStatusCount')
export class MentoringPairStatusCount {
  @Field(() => PairStatus) status: PairStatus;
  @Field(() => Int) count: number;
}

@ObjectType('MentoringPairActivity', { description: "A pair's check-ins and ratings so far." })
export class MentoringPairActivity {
  @Field(() => MentoringPair) pair: MentoringPair;
  @Field(() => Int) checkIns: number;
  @Field(() => Int) confirmedCheckIns: number;
  @Field(() => Int) confirmedMinutes: number;
  @Field(() => Float, { nullable: true, description: "Mean of the pair's feedback ratings (1..5); null before any feedback." }) averageRating: number | null;
  @Field(() => Int, { description: 'How many feedback ratings the pair has (one per side at most).' }) ratings: number;
}

@ObjectType('FlaggedMentoringPair', { description: 'A pair one side said is not a good fit.' })
export class FlaggedMentoringPair {
  @Field(() => MentoringPair) pair: MentoringPair;
  /** Resolved through the users loader. */
  flaggedById: string;
  @Field(() => Int) rating: number;
  @Field(() => String, { nullable: true }) comment: string | null;
  @Field() submittedAt: Date;
}

@ObjectType('CohortReport')
export class CohortReport {
  @Field(() => [MentoringPairStatusCount]) pairsByStatus: MentoringPairStatusCount[];
  @Field(() => [MentoringPairActivity], { description: 'Every pair with its check-ins, fewest first.' }) checkInsPerPair: MentoringPairActivity[];
  @Field(() => Float, { nullable: true, description: 'Mean feedback rating (1..5); null before any feedback.' }) averageRating: number | null;
  @Field(() => Int) feedbackCount: number;
  @Field(() => [MentoringPair], { description: 'Active pairs without a check-in for 21 days.' }) atRiskPairs: MentoringPair[];
  @Field(() => [FlaggedMentoringPair]) flaggedPairs: FlaggedMentoringPair[];
  @Field(() => [MentoringApplication], { description: 'Approved mentees without a pair (all approved mentees before publication).' })
  unmatchedMentees: MentoringApplication[];
  @Field(() => Int) goalsCompleted: number;
  @Field(() => Int) goalsTotal: number;
}
