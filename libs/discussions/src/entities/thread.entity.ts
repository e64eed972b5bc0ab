import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { SpaceEntity } from './space.entity.js';

/** A thread: a title and its opening post (the first of its posts), then replies. */
@Entity('discussion_threads')
@Index('discussion_threads_space_page_idx', ['spaceId', 'pinned', 'lastPostAt', 'id'])
export class ThreadEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) spaceId: string;
  @ManyToOne(() => SpaceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'space_id' })
  space?: Relation<SpaceEntity>;
  @Column({ type: 'uuid', nullable: true }) authorId: string | null;
  @ManyToOne('UserEntity', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: Relation<object>;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'boolean', default: false }) pinned: boolean;
  @Column({ type: 'boolean', default: false }) locked: boolean;
  /** Q&A forums: the reply marked as the answer. */
  @Column({ type: 'uuid', nullable: true }) answerPostId: string | null;
  /** When the latest post arrived (threads are listed pinned first, then by this). */
  @Column({ type: 'timestamptz', precision: 3 }) lastPostAt: Date;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
