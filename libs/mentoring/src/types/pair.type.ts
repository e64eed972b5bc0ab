import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PairStatus } from '../mentoring.enums.js';

/**
 * Visible to its mentor, its mentee and admins only. `cohort`, `mentor`, `mentee`, `goals` and
 * `checkIns` are resolved through per-request loaders; `atRisk` from the row.
 */
@ObjectType('MentoringPair')
export class MentoringPair {
  @Field(() => ID) id: string;
  cohortId: string;
  mentorUserId: string;
  menteeUserId: string;
  @Field(() => PairStatus) status: PairStatus;
  @Field() startedAt: Date;
  @Field(() => Date, { nullable: true }) lastCheckInAt: Date | null;
  @Field(() => Date, { nullable: true }) endedAt: Date | null;
  @Field(() => String, { nullable: true }) endReason: string | null;
}
