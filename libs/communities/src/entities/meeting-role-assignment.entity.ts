import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { GroupMeetingEntity } from './group-meeting.entity.js';
import { StudyGroupEntity } from './study-group.entity.js';

/** Who holds a rotating role at a meeting: one holder per role per meeting (the primary key). */
@Entity('meeting_role_assignments')
@Index('meeting_role_assignments_group_idx', ['groupId', 'userId'])
@Index('meeting_role_assignments_user_idx', ['userId'])
export class MeetingRoleAssignmentEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'meeting_role_assignments_pkey' }) meetingId: string;
  @ManyToOne(() => GroupMeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<GroupMeetingEntity>;
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'meeting_role_assignments_pkey' }) role: string;
  /** The meeting's group, kept beside it so a group's whole rotation history is one indexed read. */
  @Column({ type: 'uuid' }) groupId: string;
  @ManyToOne(() => StudyGroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<StudyGroupEntity>;
  @Column({ type: 'uuid' }) userId: string;
  @ManyToOne('UserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<object>;
  /** Set when an organiser swapped the holder after the rotation chose. */
  @Column({ type: 'boolean', default: false }) swapped: boolean;
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' }) assignedAt: Date;
}
