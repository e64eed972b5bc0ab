import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { CohortStatus } from '../mentoring.enums.js';
import { MentoringProgramEntity } from './mentoring-program.entity.js';

/** One run of a program: applications, then matching, then active pairs until it ends. */
@Entity('mentoring_cohorts')
@Index('mentoring_cohorts_program_name_uq', ['programId', 'name'], { unique: true })
@Index('mentoring_cohorts_status_idx', ['status', 'endsAt'])
@Check('mentoring_cohorts_status_check', `status IN ('DRAFT', 'APPLICATIONS_OPEN', 'MATCHING', 'ACTIVE', 'COMPLETED')`)
@Check('mentoring_cohorts_dates_check', `ends_at > starts_at AND (applications_close_at IS NULL OR applications_close_at <= starts_at)`)
@Check(
  'mentoring_cohorts_weights_check',
  `weight_topics BETWEEN 0 AND 10 AND weight_goals BETWEEN 0 AND 10 AND weight_experience_gap BETWEEN 0 AND 10 AND weight_timezone BETWEEN 0 AND 10 AND weight_format BETWEEN 0 AND 10`,
)
@Check('mentoring_cohorts_gap_check', `min_experience_gap_years BETWEEN 0 AND 50`)
export class MentoringCohortEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) programId: string;
  @ManyToOne(() => MentoringProgramEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_id' })
  program?: Relation<MentoringProgramEntity>;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', default: CohortStatus.DRAFT }) status: CohortStatus;
  @Column({ type: 'timestamptz', nullable: true }) applicationsCloseAt: Date | null;
  @Column({ type: 'timestamptz' }) startsAt: Date;
  @Column({ type: 'timestamptz' }) endsAt: Date;
  // Matching weights, each 0..10.
  @Column({ type: 'smallint' }) weightTopics: number;
  @Column({ type: 'smallint' }) weightGoals: number;
  @Column({ type: 'smallint' }) weightExperienceGap: number;
  @Column({ type: 'smallint' }) weightTimezone: number;
  @Column({ type: 'smallint' }) weightFormat: number;
  // Matching rules.
  @Column({ type: 'boolean' }) forbidSameEmployer: boolean;
  @Column({ type: 'smallint' }) minExperienceGapYears: number;
  @Column({ type: 'boolean' }) allowRepeatPairs: boolean;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
