import { Args, ArgsType, Field, Query, Resolver } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { Authenticated } from '../../../core/src/index.js';
import { BODY_MAX } from '../discussions.limits.js';
import { renderMarkdown } from './render-markdown.js';

@ArgsType()
class PreviewMarkdownArgs {
  @Field({ description: `Markdown as the composer holds it, at most ${BODY_MAX} characters.` })
  @IsString()
  @MaxLength(BODY_MAX)
  body: string;
}

/**
 * The composer's preview: the same renderer and sanitizer a saved post goes through, so the portal
 * never renders Markdown itself. Mentions show as plain text here (who may be mentioned depends on
 * the space, decided when the post is saved). Reads nothing private; signed-in people only.
 */
@Resolver()
export class PreviewMarkdownResolver {
  @Authenticated()
  @Query(() => String, { description: 'Markdown rendered to the sanitized HTML a post would show (signed-in people; nothing is saved).' })
  previewMarkdown(@Args() { body }: PreviewMarkdownArgs): string {
    return renderMarkdown(body).html;
  }
}
