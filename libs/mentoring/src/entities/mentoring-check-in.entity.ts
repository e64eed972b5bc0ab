import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { MentoringPairEntity } from './mentoring-pair.entity.js';
import { numericTransformer } from './numeric.transformer.js';

/**
 * A meeting one side of a pair logged. The other side confirms it; the credits are fixed then
 * (hours × the program's rate at that moment), so a transcript never changes after the fact.
 */
@Entity('mentoring_check_ins')
@Index('mentoring_check_ins_pair_time_uq', ['pairId', 'happenedAt'], { unique: true })
@Check('mentoring_check_ins_duration_check', `duration_minutes BETWEEN 5 AND 480`)
@Check('mentoring_check_ins_confirmed_check', `(confirmed_at IS NULL) = (confirmed_by_id IS NULL) AND (confirmed_at IS NULL) = (credits IS NULL)`)
@Check('mentoring_check_ins_other_side_check', `confirmed_by_id IS NULL OR confirmed_by_id <> logged_by_id`)
@Check('mentoring_check_ins_credits_check', `credits IS NULL OR credits >= 0`)
export class MentoringCheckInEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) pairId: string;
  @ManyToOne(() => MentoringPairEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pair_id' })
  pair?: Relation<MentoringPairEntity>;
  @Column({ type: 'uuid' }) loggedById: string;
  @ManyToOne('UserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'logged_by_id' })
  loggedBy?: Relation<object>;
  @Column({ type: 'timestamptz' }) happenedAt: Date;
  @Column({ type: 'smallint' }) durationMinutes: number;
  @Column({ type: 'text', nullable: true }) notes: string | null;
  @Column({ type: 'text', nullable: true }) nextSteps: string | null;
  @Column({ type: 'timestamptz', nullable: true }) confirmedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) confirmedById: string | null;
  @Column({ type: 'numeric', precision: 8, scale: 2, nullable: true, transformer: numericTransformer }) credits: number | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
