import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../../core/src/index.js';
import { type ThreadEntity } from '../entities/thread.entity.js';

/** `author`, `space`, `posts` and `answer` are resolved through loaders. */
@ObjectType('Thread')
export class Thread {
  @Field(() => ID) id: string;
  spaceId: string;
  authorId: string | null;
  answerPostId: string | null;
  @Field() title: string;
  @Field({ description: 'Pinned threads lead their space\'s list.' }) pinned: boolean;
  @Field({ description: 'A locked thread takes no replies (except from moderators).' }) locked: boolean;
  @Field({ description: 'When its latest post arrived.' }) lastPostAt: Date;
  @Field() createdAt: Date;

  static from(e: ThreadEntity): Thread {
    return { id: e.id, spaceId: e.spaceId, authorId: e.authorId, answerPostId: e.answerPostId, title: e.title, pinned: e.pinned, locked: e.locked, lastPostAt: e.lastPostAt, createdAt: e.createdAt };
  }
}

@ObjectType()
export class ThreadConnection extends Connection(Thread) {}
