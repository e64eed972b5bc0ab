import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { PostEntity } from './post.entity.js';

/** A person a post mentions (only people who could see the space when it was written). */
@Entity('discussion_mentions')
@Index('discussion_mentions_user_idx', ['userId', 'createdAt'])
export class MentionEntity {
  @PrimaryColumn({ type: 'uuid' }) postId: string;
  @ManyToOne(() => PostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: Relation<PostEntity>;
  @PrimaryColumn({ type: 'uuid' }) userId: string;
  @ManyToOne('UserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<object>;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
