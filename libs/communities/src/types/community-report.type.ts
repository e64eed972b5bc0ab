import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('CommunityReport', { description: 'Admins: how the study groups are doing.' })
export class CommunityReport {
  @Field(() => Int) activeGroups: number;
  @Field(() => Int) formingGroups: number;
  @Field(() => Int) archivedGroups: number;
  @Field(() => Int, { description: 'Active memberships in groups that are not archived.' }) activeMemberships: number;
  @Field(() => Int, { description: 'People in at least one group that is not archived.' }) peopleInGroups: number;
  @Field(() => Int, { description: 'Meetings that have started and were not cancelled.' }) meetingsHeld: number;
  @Field(() => Int) meetingsCancelled: number;
  @Field(() => Float, { nullable: true, description: 'Present / recorded, over meetings with attendance taken; null without any.' })
  attendanceRate: number | null;
  @Field(() => Int) goals: number;
  @Field(() => Int) goalsAchieved: number;
  @Field(() => Float, { nullable: true, description: 'Average progress (0–100) of goals not dropped.' }) averageGoalProgress: number | null;
  @Field(() => Float, { nullable: true, description: 'Average meeting rating, 1 to 5.' }) averageFeedback: number | null;
  @Field(() => Int) feedbackCount: number;
}
