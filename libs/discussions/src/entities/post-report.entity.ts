import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { PostEntity } from './post.entity.js';

/** A report of a post to the moderators; one open report per person and post. */
@Entity('discussion_post_reports')
@Index('discussion_post_reports_open_uq', ['postId', 'reporterId'], { unique: true, where: 'resolved_at IS NULL' })
@Index('discussion_post_reports_open_idx', ['resolvedAt', 'createdAt'])
export class PostReportEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) postId: string;
  @ManyToOne(() => PostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: Relation<PostEntity>;
  @Column({ type: 'uuid' }) reporterId: string;
  @ManyToOne('UserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reporter_id' })
  reporter?: Relation<object>;
  @Column({ type: 'text' }) reason: string;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  /** Set when a moderator hides or restores the post. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) resolvedAt: Date | null;
}
