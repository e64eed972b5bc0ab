import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../../core/src/index.js';
import { ReactionKind } from '../discussions.enums.js';
import { type PostEntity } from '../entities/post.entity.js';

/** `body`, `html`, `author`, `quote`, `reactions`, `revisions` and `thread` are resolved per viewer, through loaders. */
@ObjectType('Post')
export class Post {
  @Field(() => ID) id: string;
  threadId: string;
  spaceId: string;
  authorId: string | null;
  quotedPostId: string | null;
  rawBody: string;
  rawHtml: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When the body was last edited (null: never).' }) editedAt: Date | null;
  @Field({ description: 'Deleted by its author or a moderator: a tombstone whose body is empty; replies and quotes keep their place.' }) deleted: boolean;
  @Field({ description: 'Hidden by a moderator: its body reads as empty to everyone but moderators.' }) hidden: boolean;

  static from(e: PostEntity): Post {
    return {
      id: e.id, threadId: e.threadId, spaceId: e.spaceId, authorId: e.authorId, quotedPostId: e.quotedPostId, rawBody: e.body, rawHtml: e.html,
      createdAt: e.createdAt, editedAt: e.editedAt, deleted: !!e.deletedAt, hidden: !!e.hiddenAt,
    };
  }
}

@ObjectType()
export class PostConnection extends Connection(Post) {}

@ObjectType('QuotedPost', { description: 'The post a reply quotes: one level only (a quote shows no quote of its own).' })
export class QuotedPost {
  @Field(() => ID) id: string;
  authorId: string | null;
  @Field({ description: 'Sanitised HTML; empty when the quoted post was deleted or hidden.' }) html: string;
  @Field() deleted: boolean;
  @Field() hidden: boolean;
  @Field() createdAt: Date;
}

@ObjectType('ReactionCount')
export class ReactionCount {
  @Field(() => ReactionKind) kind: ReactionKind;
  @Field(() => Int) count: number;
  @Field({ description: 'The viewer reacted so.' }) mine: boolean;
}

@ObjectType('PostRevision', { description: 'A body a post had before an edit.' })
export class PostRevision {
  @Field(() => ID) id: string;
  @Field({ description: 'The Markdown as it was.' }) body: string;
  @Field({ description: 'When the edit that replaced it was made.' }) replacedAt: Date;
}
