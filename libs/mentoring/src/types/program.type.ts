import { Field, Float, ID, ObjectType } from '@nestjs/graphql';

/** `cohorts` is resolved through a per-request loader. */
@ObjectType('MentoringProgram')
export class MentoringProgram {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field({ description: 'Only members in good standing (ACTIVE or GRACE membership) may apply.' }) membersOnly: boolean;
  @Field(() => Float, { description: 'CE credits earned per confirmed hour of mentoring, by mentor and mentee alike.' })
  ceCreditsPerHour: number;
  @Field() createdAt: Date;
}
