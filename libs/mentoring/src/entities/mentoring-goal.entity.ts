import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { MentoringGoalStatus } from '../mentoring.enums.js';
import { MentoringPairEntity } from './mentoring-pair.entity.js';

/** A goal a pair set itself. */
@Entity('mentoring_goals')
@Index('mentoring_goals_pair_idx', ['pairId', 'createdAt'])
@Check('mentoring_goals_status_check', `status IN ('OPEN', 'COMPLETED', 'DROPPED')`)
@Check('mentoring_goals_completed_check', `(status = 'COMPLETED') = (completed_at IS NOT NULL)`)
export class MentoringGoalEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) pairId: string;
  @ManyToOne(() => MentoringPairEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pair_id' })
  pair?: Relation<MentoringPairEntity>;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'timestamptz', nullable: true }) targetDate: Date | null;
  @Column({ type: 'text', default: MentoringGoalStatus.OPEN }) status: MentoringGoalStatus;
  @Column({ type: 'timestamptz', nullable: true }) completedAt: Date | null;
  @Column({ type: 'uuid' }) createdById: string;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
