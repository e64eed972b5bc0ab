import { Field, Float, ObjectType } from '@nestjs/graphql';

@ObjectType('CategoryCredits')
export class CategoryCredits {
  @Field({ description: 'e.g. Mentoring; "Other" for activities without a category.' }) category: string;
  @Field(() => Float) credits: number;
}

@ObjectType('TranscriptEntry')
export class TranscriptEntry {
  @Field({ description: 'Where the credits come from, e.g. MENTORING.' }) source: string;
  @Field({ description: 'The activity: a mentoring session with whom, in which program and cohort; an event and session.' })
  title: string;
  @Field() date: Date;
  @Field(() => Float) credits: number;
  @Field(() => String, { nullable: true }) category: string | null;
}

@ObjectType('Transcript', { description: 'CE credits earned in a period, from every source.' })
export class Transcript {
  @Field() from: Date;
  @Field() to: Date;
  @Field(() => Float) totalCredits: number;
  @Field(() => [CategoryCredits], { description: 'By category, largest first.' }) byCategory: CategoryCredits[];
  @Field(() => [TranscriptEntry], { description: 'Newest first, at most 500 (the totals always cover the whole period).' })
  entries: TranscriptEntry[];
  @Field({ description: 'True when the period has more entries than are listed.' }) entriesTruncated: boolean;
}
