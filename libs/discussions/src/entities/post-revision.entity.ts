import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { PostEntity } from './post.entity.js';

/** The body a post had before an edit: the history of a post, newest last. */
@Entity('discussion_post_revisions')
@Index('discussion_post_revisions_post_idx', ['postId', 'createdAt', 'id'])
export class PostRevisionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) postId: string;
  @ManyToOne(() => PostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: Relation<PostEntity>;
  /** The body before the edit. */
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'uuid', nullable: true }) editedById: string | null;
  /** When the edit that replaced this body was made. */
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
