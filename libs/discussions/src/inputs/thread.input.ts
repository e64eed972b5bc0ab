import { Field, InputType } from '@nestjs/graphql';
import { IsString, Length, MinLength, MaxLength, Matches } from 'class-validator';
import { Trim } from '../../../core/src/index.js';
import { BODY_MAX, TITLE_MAX, TITLE_MIN } from '../discussions.limits.js';

/** A body must hold something other than white space. */
export const NOT_BLANK = /\S/;

@InputType()
export class StartThreadInput {
  @Field({ description: `${TITLE_MIN} to ${TITLE_MAX} characters.` })
  @Trim()
  @IsString()
  @Length(TITLE_MIN, TITLE_MAX)
  title: string;

  @Field({ description: `The opening post, Markdown (no raw HTML), 1 to ${BODY_MAX} characters. Mention people as @[Name](userId).` })
  @IsString()
  @MinLength(1)
  @MaxLength(BODY_MAX)
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  body: string;
}
