import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

/** `loggedBy` is resolved through the users loader. */
@ObjectType('CheckIn')
export class CheckIn {
  @Field(() => ID) id: string;
  pairId: string;
  loggedById: string;
  @Field() happenedAt: Date;
  @Field(() => Int) durationMinutes: number;
  @Field(() => String, { nullable: true }) notes: string | null;
  @Field(() => String, { nullable: true }) nextSteps: string | null;
  @Field(() => Date, { nullable: true, description: 'When the other side confirmed it; only confirmed check-ins earn CE credits.' })
  confirmedAt: Date | null;
  @Field(() => Float, { nullable: true, description: 'CE credits each side earned, fixed at confirmation.' }) credits: number | null;
  @Field() createdAt: Date;
}
