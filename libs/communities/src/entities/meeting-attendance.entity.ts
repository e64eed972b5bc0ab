import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { GroupMeetingEntity } from './group-meeting.entity.js';

/** Attendance as recorded: one row per active member at the time of recording, present or not. */
@Entity('meeting_attendance')
export class MeetingAttendanceEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'meeting_attendance_pkey' }) meetingId: string;
  @ManyToOne(() => GroupMeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<GroupMeetingEntity>;
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'meeting_attendance_pkey' }) userId: string;
  @ManyToOne('UserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<object>;
  @Column({ type: 'boolean' }) present: boolean;
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' }) recordedAt: Date;
  @Column({ type: 'uuid', nullable: true }) recordedBy: string | null;
}
