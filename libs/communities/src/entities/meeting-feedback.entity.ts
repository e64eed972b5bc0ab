import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { GroupMeetingEntity } from './group-meeting.entity.js';

/** A member's rating of a meeting (1–5) with an optional comment: one each, the latest counts. */
@Entity('meeting_feedback')
@Check('meeting_feedback_rating_check', `rating BETWEEN 1 AND 5`)
export class MeetingFeedbackEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'meeting_feedback_pkey' }) meetingId: string;
  @ManyToOne(() => GroupMeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<GroupMeetingEntity>;
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'meeting_feedback_pkey' }) userId: string;
  @ManyToOne('UserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<object>;
  @Column({ type: 'smallint' }) rating: number;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
