import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../../core/src/index.js';
import { ApplicationStatus, MeetingFormat, MentoringRole } from '../mentoring.enums.js';

/** Visible to the applicant and to admins only; `user` and `cohort` are resolved through loaders. */
@ObjectType('MentoringApplication')
export class MentoringApplication {
  @Field(() => ID) id: string;
  cohortId: string;
  userId: string;
  @Field(() => MentoringRole) role: MentoringRole;
  @Field(() => [String]) topics: string[];
  @Field(() => String, { nullable: true }) goals: string | null;
  @Field(() => Int) yearsOfExperience: number;
  @Field({ description: 'IANA time zone, e.g. Europe/Berlin.' }) timezone: string;
  @Field(() => MeetingFormat) preferredFormat: MeetingFormat;
  @Field(() => Int, { description: 'Mentors: how many mentees they take (1..5). Mentees: 1.' }) capacity: number;
  @Field(() => ApplicationStatus) status: ApplicationStatus;
  @Field(() => String, { nullable: true, description: "The reviewer's reason, when one was given." }) reviewReason: string | null;
  @Field() createdAt: Date;
}

@ObjectType()
export class MentoringApplicationConnection extends Connection(MentoringApplication) {}
