import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import type { ScoreBreakdownEntry } from '../matching/index.js';
import { PairStatus } from '../mentoring.enums.js';
import { MentoringApplicationEntity } from './mentoring-application.entity.js';
import { MentoringCohortEntity } from './mentoring-cohort.entity.js';

/**
 * A published mentor–mentee pair. The database itself holds the limits: a mentee application is in
 * one pair; the mentor's pairs take numbered slots 1..capacity, where the capacity is the mentor
 * application's own (a composite foreign key on (application id, capacity)), so no mentor can ever
 * hold more pairs than the places they offered.
 */
@Entity('mentoring_pairs')
@Index('mentoring_pairs_mentee_application_uq', ['menteeApplicationId'], { unique: true })
@Index('mentoring_pairs_mentor_slot_uq', ['mentorApplicationId', 'mentorSlot'], { unique: true })
@Index('mentoring_pairs_cohort_idx', ['cohortId', 'createdAt', 'id'])
@Index('mentoring_pairs_mentor_user_idx', ['mentorUserId'])
@Index('mentoring_pairs_mentee_user_idx', ['menteeUserId'])
@Index('mentoring_pairs_status_idx', ['status', 'lastCheckInAt'])
@Check('mentoring_pairs_status_check', `status IN ('ACTIVE', 'COMPLETED', 'ENDED_EARLY')`)
@Check('mentoring_pairs_mentor_slot_check', `mentor_slot BETWEEN 1 AND mentor_capacity`)
@Check('mentoring_pairs_two_people_check', `mentor_user_id <> mentee_user_id`)
@Check('mentoring_pairs_ended_check', `(status = 'ACTIVE') = (ended_at IS NULL)`)
export class MentoringPairEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) cohortId: string;
  @ManyToOne(() => MentoringCohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Relation<MentoringCohortEntity>;

  @Column({ type: 'uuid' }) mentorApplicationId: string;
  /** The mentor application's capacity, held equal to it by the composite foreign key. */
  @Column({ type: 'smallint' }) mentorCapacity: number;
  @Column({ type: 'smallint' }) mentorSlot: number;
  @ManyToOne(() => MentoringApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'mentor_application_id', referencedColumnName: 'id' },
    { name: 'mentor_capacity', referencedColumnName: 'capacity' },
  ])
  mentorApplication?: Relation<MentoringApplicationEntity>;

  @Column({ type: 'uuid' }) menteeApplicationId: string;
  @ManyToOne(() => MentoringApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentee_application_id' })
  menteeApplication?: Relation<MentoringApplicationEntity>;

  @Column({ type: 'uuid' }) mentorUserId: string;
  @ManyToOne('UserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentor_user_id' })
  mentorUser?: Relation<object>;
  @Column({ type: 'uuid' }) menteeUserId: string;
  @ManyToOne('UserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentee_user_id' })
  menteeUser?: Relation<object>;

  @Column({ type: 'text', default: PairStatus.ACTIVE }) status: PairStatus;
  /** The score and its explanation when the pair was published. */
  @Column({ type: 'double precision' }) score: number;
  @Column({ type: 'jsonb' }) breakdown: ScoreBreakdownEntry[];
  @Column({ type: 'boolean', default: false }) locked: boolean;
  /** When the pair began: publication, or the cohort start if later. The at-risk clock starts here. */
  @Column({ type: 'timestamptz' }) startedAt: Date;
  /** The latest `happenedAt` of its check-ins. */
  @Column({ type: 'timestamptz', nullable: true }) lastCheckInAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) endedAt: Date | null;
  @Column({ type: 'text', nullable: true }) endReason: string | null;
  @Column({ type: 'uuid', nullable: true }) endedById: string | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
