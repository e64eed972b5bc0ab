import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { ConnectionArgs, Trim } from '../../../core/src/index.js';
import { ModerationAction, REACTION_KINDS, ReactionKind } from '../discussions.enums.js';
import { BODY_MAX, REPORT_REASON_MAX } from '../discussions.limits.js';
import { NOT_BLANK } from '../inputs/thread.input.js';

@ArgsType()
export class SpaceIdArgs {
  @Field(() => ID) @IsUUID() id: string;
}

@ArgsType()
export class ThreadIdArgs {
  @Field(() => ID) @IsUUID() id: string;
}

@ArgsType()
export class ThreadsArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Words to find in the threads\' posts (web-search syntax: "quoted phrase", -exclude, or).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

@ArgsType()
export class ReplyArgs {
  @Field(() => ID) @IsUUID() threadId: string;

  @Field({ description: `Markdown (no raw HTML), 1 to ${BODY_MAX} characters. Mention people as @[Name](userId).` })
  @IsString()
  @MinLength(1)
  @MaxLength(BODY_MAX)
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  body: string;

  @Field(() => ID, { nullable: true, description: 'A post of the same thread to quote (one level: its own quote is not shown).' })
  @IsOptional()
  @IsUUID()
  quotePostId?: string;
}

@ArgsType()
export class EditPostArgs {
  @Field(() => ID) @IsUUID() postId: string;

  @Field({ description: `Markdown, 1 to ${BODY_MAX} characters.` })
  @IsString()
  @MinLength(1)
  @MaxLength(BODY_MAX)
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  body: string;
}

@ArgsType()
export class PostIdArgs {
  @Field(() => ID) @IsUUID() postId: string;
}

@ArgsType()
export class ReportPostArgs extends PostIdArgs {
  @Field({ description: `Why, 3 to ${REPORT_REASON_MAX} characters.` })
  @Trim()
  @IsString()
  @Length(3, REPORT_REASON_MAX)
  reason: string;
}

@ArgsType()
export class ModeratePostArgs extends PostIdArgs {
  @Field(() => ModerationAction) @IsEnum(ModerationAction) action: ModerationAction;
}

@ArgsType()
export class ReactArgs extends PostIdArgs {
  @Field(() => ReactionKind) @IsIn(REACTION_KINDS) kind: ReactionKind;
  @Field({ description: 'true adds the reaction, false takes it back.' }) @IsBoolean() on: boolean;
}

@ArgsType()
export class SetThreadStateArgs {
  @Field(() => ID) @IsUUID() threadId: string;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() pinned?: boolean;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() locked?: boolean;
}

@ArgsType()
export class MarkAnswerArgs {
  @Field(() => ID) @IsUUID() threadId: string;
  @Field(() => ID, { nullable: true, description: 'The reply that answers the question; null clears the answer.' })
  @IsOptional()
  @IsUUID()
  postId?: string | null;
}
