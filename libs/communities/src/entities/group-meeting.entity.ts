import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { MeetingStatus } from '../community.enums.js';
import { StudyGroupEntity } from './study-group.entity.js';

/**
 * One meeting of a group's series, materialised when first needed. (group, occurrence date) is its
 * identity in the series and unique, so materialising is idempotent; a moved meeting keeps its
 * occurrence date and gets a new start.
 */
@Entity('group_meetings')
@Index('group_meetings_group_occurrence_uq', ['groupId', 'occurrenceDate'], { unique: true })
@Index('group_meetings_group_starts_idx', ['groupId', 'startsAt', 'id'])
@Index('group_meetings_status_starts_idx', ['status', 'startsAt'])
@Check('group_meetings_status_check', `status IN ('SCHEDULED', 'CANCELLED')`)
@Check('group_meetings_times_check', `ends_at > starts_at`)
export class GroupMeetingEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) groupId: string;
  @ManyToOne(() => StudyGroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<StudyGroupEntity>;
  @Column({ type: 'date' }) occurrenceDate: string;
  @Column({ type: 'timestamptz' }) startsAt: Date;
  @Column({ type: 'timestamptz' }) endsAt: Date;
  @Column({ type: 'text', default: MeetingStatus.SCHEDULED }) status: MeetingStatus;
  /** Moved away from the series time (the .ics then carries it as an override). */
  @Column({ type: 'boolean', default: false }) moved: boolean;
  @Column({ type: 'text', nullable: true }) notes: string | null;
  @Column({ type: 'uuid', nullable: true }) notesUpdatedBy: string | null;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) notesUpdatedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
