import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { SpaceEntity } from './space.entity.js';
import { ThreadEntity } from './thread.entity.js';

/**
 * A post: Markdown as its author wrote it (`body`) and the sanitised HTML rendered from it when it was
 * written (`html`). Deleting leaves a tombstone (`deletedAt`, body emptied) so replies and quotes keep
 * their place; moderators hide and restore (`hiddenAt`).
 */
@Entity('discussion_posts')
@Index('discussion_posts_thread_page_idx', ['threadId', 'createdAt', 'id'])
@Index('discussion_posts_space_idx', ['spaceId'])
@Index('discussion_posts_author_idx', ['authorId', 'createdAt'])
@Check('discussion_posts_body_length_check', `char_length(body) <= 20000`)
export class PostEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) threadId: string;
  @ManyToOne(() => ThreadEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id' })
  thread?: Relation<ThreadEntity>;
  /** The thread's space, kept on the post for search and fan-out. */
  @Column({ type: 'uuid' }) spaceId: string;
  @ManyToOne(() => SpaceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'space_id' })
  space?: Relation<SpaceEntity>;
  @Column({ type: 'uuid', nullable: true }) authorId: string | null;
  @ManyToOne('UserEntity', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: Relation<object>;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'text' }) html: string;
  /** One level of quoting: a post of the same thread. */
  @Column({ type: 'uuid', nullable: true }) quotedPostId: string | null;
  @ManyToOne(() => PostEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'quoted_post_id' })
  quotedPost?: Relation<PostEntity>;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) editedAt: Date | null;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) deletedAt: Date | null;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) hiddenAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) hiddenById: string | null;
  /** Full-text search over the body (and the thread title for an opening post); kept by a trigger. GIN-indexed. */
  @Index('discussion_posts_search_idx', { synchronize: false })
  @Column({ type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector?: string;
}
