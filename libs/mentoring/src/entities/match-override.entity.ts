import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { MatchOverrideKind } from '../mentoring.enums.js';
import { MentoringApplicationEntity } from './mentoring-application.entity.js';
import { MentoringCohortEntity } from './mentoring-cohort.entity.js';

/**
 * An admin's decision about one mentor–mentee pair of a cohort: LOCK (always proposed) or EXCLUDE
 * (never). One decision per pair; a mentee is locked to at most one mentor (partial unique index).
 */
@Entity('mentoring_match_overrides')
@Index('mentoring_match_overrides_pair_uq', ['mentorApplicationId', 'menteeApplicationId'], { unique: true })
@Index('mentoring_match_overrides_one_lock_per_mentee_uq', ['menteeApplicationId'], { unique: true, where: `kind = 'LOCK'` })
@Index('mentoring_match_overrides_cohort_idx', ['cohortId'])
@Check('mentoring_match_overrides_kind_check', `kind IN ('LOCK', 'EXCLUDE')`)
export class MatchOverrideEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) cohortId: string;
  @ManyToOne(() => MentoringCohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Relation<MentoringCohortEntity>;
  @Column({ type: 'uuid' }) mentorApplicationId: string;
  @ManyToOne(() => MentoringApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentor_application_id' })
  mentorApplication?: Relation<MentoringApplicationEntity>;
  @Column({ type: 'uuid' }) menteeApplicationId: string;
  @ManyToOne(() => MentoringApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentee_application_id' })
  menteeApplication?: Relation<MentoringApplicationEntity>;
  @Column({ type: 'text' }) kind: MatchOverrideKind;
  @Column({ type: 'uuid', nullable: true }) createdById: string | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
