import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { MentoringPairEntity } from './mentoring-pair.entity.js';

/** One side's feedback on their pair (a second submission replaces the first). */
@Entity('mentoring_pair_feedback')
@Index('mentoring_pair_feedback_author_uq', ['pairId', 'authorId'], { unique: true })
@Check('mentoring_pair_feedback_rating_check', `rating BETWEEN 1 AND 5`)
export class MentoringPairFeedbackEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) pairId: string;
  @ManyToOne(() => MentoringPairEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pair_id' })
  pair?: Relation<MentoringPairEntity>;
  @Column({ type: 'uuid' }) authorId: string;
  @ManyToOne('UserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id' })
  author?: Relation<object>;
  @Column({ type: 'smallint' }) rating: number;
  @Column({ type: 'boolean' }) goodFit: boolean;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
