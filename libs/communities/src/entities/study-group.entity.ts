import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { GroupStatus, GroupVisibility, MeetingCadence } from '../community.enums.js';

/** A study group and its meeting rhythm (dates are wall-calendar dates in `timezone`). */
@Entity('study_groups')
@Check('study_groups_visibility_check', `visibility IN ('OPEN', 'APPROVAL')`)
@Check('study_groups_status_check', `status IN ('FORMING', 'ACTIVE', 'ARCHIVED')`)
@Check('study_groups_capacity_check', `capacity IS NULL OR capacity BETWEEN 2 AND 200`)
@Check('study_groups_cadence_check', `cadence IN ('WEEKLY', 'BIWEEKLY', 'MONTHLY')`)
@Check('study_groups_weekday_check', `weekday BETWEEN 1 AND 7`)
@Check('study_groups_week_of_month_check', `(cadence = 'MONTHLY') = (week_of_month IS NOT NULL) AND (week_of_month IS NULL OR week_of_month IN (1, 2, 3, 4, -1))`)
@Check('study_groups_local_time_check', `local_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`)
@Check('study_groups_duration_check', `duration_minutes BETWEEN 15 AND 480`)
@Check('study_groups_dates_check', `ends_on IS NULL OR ends_on >= starts_on`)
@Index('study_groups_status_name_idx', ['status', 'name', 'id'])
export class StudyGroupEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) topic: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'text' }) visibility: GroupVisibility;
  /** Null: up to the platform's MAX_GROUP_SIZE. */
  @Column({ type: 'int', nullable: true }) capacity: number | null;
  @Column({ type: 'text', default: GroupStatus.FORMING }) status: GroupStatus;
  @Column({ type: 'text' }) cadence: MeetingCadence;
  /** ISO weekday, 1 = Monday. */
  @Column({ type: 'smallint' }) weekday: number;
  @Column({ type: 'smallint', nullable: true }) weekOfMonth: number | null;
  /** HH:MM, wall clock in `timezone`. */
  @Column({ type: 'text' }) localTime: string;
  /** IANA zone name. */
  @Column({ type: 'text' }) timezone: string;
  @Column({ type: 'int' }) durationMinutes: number;
  @Column({ type: 'date' }) startsOn: string;
  @Column({ type: 'date', nullable: true }) endsOn: string | null;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @ManyToOne('UserEntity', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  creator?: Relation<object>;
  @Column({ type: 'timestamptz', nullable: true }) archivedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
