import { Field, ID, ObjectType } from '@nestjs/graphql';
import { MentoringGoalStatus } from '../mentoring.enums.js';

@ObjectType('MentoringGoal')
export class MentoringGoal {
  @Field(() => ID) id: string;
  pairId: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => Date, { nullable: true }) targetDate: Date | null;
  @Field(() => MentoringGoalStatus) status: MentoringGoalStatus;
  @Field(() => Date, { nullable: true }) completedAt: Date | null;
  @Field() createdAt: Date;
}
