import { Check, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ReactionKind } from '../discussions.enums.js';
import { PostEntity } from './post.entity.js';

/** One person's reaction of one kind to one post (the primary key keeps it to one). */
@Entity('discussion_reactions')
@Index('discussion_reactions_user_idx', ['userId'])
@Check('discussion_reactions_kind_check', `kind IN ('LIKE', 'THANKS', 'INSIGHTFUL', 'CELEBRATE', 'QUESTION')`)
export class ReactionEntity {
  @PrimaryColumn({ type: 'uuid' }) postId: string;
  @ManyToOne(() => PostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: Relation<PostEntity>;
  @PrimaryColumn({ type: 'uuid' }) userId: string;
  @ManyToOne('UserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<object>;
  @PrimaryColumn({ type: 'text' }) kind: ReactionKind;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
