import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

/**
 * The posting rate limit's counter, one row per person: posts in the window that began at
 * `windowStartedAt`. Bumped by one upsert in the transaction that writes the post, so concurrent
 * posts queue on the row and a refused post (rolled back) does not count.
 */
@Entity('discussion_posting_windows')
export class PostingWindowEntity {
  @PrimaryColumn({ type: 'uuid' }) userId: string;
  @ManyToOne('UserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<object>;
  @Column({ type: 'timestamptz', precision: 3 }) windowStartedAt: Date;
  @Column({ type: 'int' }) posts: number;
}
