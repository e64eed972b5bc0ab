import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { Trim } from '../../../core/src/index.js';
import { FORUM_DESCRIPTION_MAX, TITLE_MAX, TITLE_MIN } from '../discussions.limits.js';

@InputType()
export class CreateForumInput {
  @Field({ description: `${TITLE_MIN} to ${TITLE_MAX} characters.` })
  @Trim()
  @IsString()
  @Length(TITLE_MIN, TITLE_MAX)
  title: string;

  @Field(() => String, { nullable: true, description: `Up to ${FORUM_DESCRIPTION_MAX} characters.` })
  @IsOptional()
  @IsString()
  @MaxLength(FORUM_DESCRIPTION_MAX)
  description?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true (default): only members in good standing read it; false: anyone reads it.' })
  @IsOptional()
  @IsBoolean()
  membersOnly?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'A Q&A forum: threads are questions, and one reply may be marked as the answer. Default false.' })
  @IsOptional()
  @IsBoolean()
  questionsAndAnswers?: boolean;
}
