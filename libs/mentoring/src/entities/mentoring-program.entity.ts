import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { numericTransformer } from './numeric.transformer.js';

/** A mentoring program (e.g. "Early-career mentoring"): runs in cohorts; confirmed hours earn CE credits. */
@Entity('mentoring_programs')
@Index('mentoring_programs_name_uq', ['name'], { unique: true })
@Check('mentoring_programs_ce_rate_check', `ce_credits_per_hour >= 0 AND ce_credits_per_hour <= 10`)
export class MentoringProgramEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  /** Only members in good standing (ACTIVE or GRACE) may apply. */
  @Column({ type: 'boolean', default: false }) membersOnly: boolean;
  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: numericTransformer }) ceCreditsPerHour: number;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
