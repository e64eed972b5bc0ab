import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique, UpdateDateColumn } from 'typeorm';
import { ApplicationStatus, MeetingFormat, MentoringRole } from '../mentoring.enums.js';
import { MentoringCohortEntity } from './mentoring-cohort.entity.js';

/**
 * A person's application to a cohort as mentor or mentee. One live (not withdrawn) application per
 * person, cohort and role: a partial unique index holds it whatever the concurrency. A mentor takes
 * 1 to 5 mentees, a mentee counts 1 (CHECK). (id, capacity) is unique so that pairs can reference the
 * mentor's capacity and the database itself refuses a mentor over capacity.
 */
@Entity('mentoring_applications')
@Index('mentoring_applications_one_per_role_uq', ['cohortId', 'userId', 'role'], { unique: true, where: `status <> 'WITHDRAWN'` })
@Index('mentoring_applications_cohort_page_idx', ['cohortId', 'createdAt', 'id'])
@Index('mentoring_applications_user_idx', ['userId', 'createdAt'])
@Unique('mentoring_applications_id_capacity_uq', ['id', 'capacity'])
@Check('mentoring_applications_role_check', `role IN ('MENTOR', 'MENTEE')`)
@Check('mentoring_applications_status_check', `status IN ('SUBMITTED', 'APPROVED', 'DECLINED', 'WITHDRAWN')`)
@Check('mentoring_applications_format_check', `preferred_format IN ('VIDEO', 'IN_PERSON', 'EITHER')`)
@Check('mentoring_applications_capacity_check', `(role = 'MENTOR' AND capacity BETWEEN 1 AND 5) OR (role = 'MENTEE' AND capacity = 1)`)
@Check('mentoring_applications_experience_check', `years_of_experience BETWEEN 0 AND 70`)
@Check('mentoring_applications_topics_check', `cardinality(topics) BETWEEN 1 AND 10`)
export class MentoringApplicationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) cohortId: string;
  @ManyToOne(() => MentoringCohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Relation<MentoringCohortEntity>;
  @Column({ type: 'uuid' }) userId: string;
  @ManyToOne('UserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<object>;
  @Column({ type: 'text' }) role: MentoringRole;
  /** Trimmed, lower-case, distinct. */
  @Column({ type: 'text', array: true }) topics: string[];
  @Column({ type: 'text', nullable: true }) goals: string | null;
  @Column({ type: 'smallint' }) yearsOfExperience: number;
  /** IANA time zone, e.g. Europe/Berlin. */
  @Column({ type: 'text' }) timezone: string;
  @Column({ type: 'text' }) preferredFormat: MeetingFormat;
  @Column({ type: 'smallint' }) capacity: number;
  @Column({ type: 'text', default: ApplicationStatus.SUBMITTED }) status: ApplicationStatus;
  @Column({ type: 'text', nullable: true }) reviewReason: string | null;
  @Column({ type: 'timestamptz', nullable: true }) reviewedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) reviewedById: string | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
