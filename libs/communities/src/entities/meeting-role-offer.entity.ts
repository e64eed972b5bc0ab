import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { GroupMeetingEntity } from './group-meeting.entity.js';
import { StudyGroupEntity } from './study-group.entity.js';

/**
 * A role holder's pending offer of their role at one meeting to another member of the group, who
 * accepts or declines it. One offer per role per meeting (the primary key: a new offer replaces the
 * last); the row goes when it is answered (the audit log keeps what happened).
 */
@Entity('meeting_role_offers')
@Index('meeting_role_offers_to_user_idx', ['toUserId'])
export class MeetingRoleOfferEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'meeting_role_offers_pkey' }) meetingId: string;
  @ManyToOne(() => GroupMeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<GroupMeetingEntity>;
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'meeting_role_offers_pkey' }) role: string;
  @Column({ type: 'uuid' }) groupId: string;
  @ManyToOne(() => StudyGroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<StudyGroupEntity>;
  /** Who holds the role and offers it. */
  @Column({ type: 'uuid' }) fromUserId: string;
  @ManyToOne('UserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_user_id' })
  fromUser?: Relation<object>;
  /** Who is asked to take it. */
  @Column({ type: 'uuid' }) toUserId: string;
  @ManyToOne('UserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_user_id' })
  toUser?: Relation<object>;
  /** The role the other member held at that meeting when it was offered: accepting trades it back (null: a hand-over). */
  @Column({ type: 'text', nullable: true }) inReturnRole: string | null;
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' }) createdAt: Date;
}
