import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { PostEntity } from './post.entity.js';

/** One notification for one person. `delivery` is the person's setting for its kind when it was made. */
@Entity('discussion_notifications')
@Index('discussion_notifications_feed_idx', ['userId', 'createdAt', 'id'])
@Index('discussion_notifications_unread_idx', ['userId'], { where: 'read_at IS NULL' })
@Index('discussion_notifications_digest_idx', ['createdAt'], { where: `delivery = 'DIGEST' AND digested_at IS NULL` })
@Check('discussion_notifications_kind_check', `kind IN ('MENTION', 'REPLY', 'NEW_THREAD', 'MODERATION')`)
@Check('discussion_notifications_delivery_check', `delivery IN ('IN_APP', 'EMAIL', 'DIGEST')`)
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) userId: string;
  @ManyToOne('UserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<object>;
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'text' }) delivery: string;
  @Column({ type: 'uuid' }) postId: string;
  @ManyToOne(() => PostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: Relation<PostEntity>;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) readAt: Date | null;
  /** DIGEST notifications: when a digest email carried it. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) digestedAt: Date | null;
}
