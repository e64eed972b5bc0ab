import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GoalStatus } from '../community.enums.js';

@ObjectType('GroupGoal')
export class GroupGoal {
  @Field(() => ID) id: string;
  groupId: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' }) targetDate: string | null;
  @Field(() => GoalStatus) status: GoalStatus;
  @Field(() => Int, { description: '0 to 100.' }) progress: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}
