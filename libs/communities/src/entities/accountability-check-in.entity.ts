import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { GroupMeetingEntity } from './group-meeting.entity.js';

/** A member's check-in for a meeting (what they did, what is next, what blocks them): one each. */
@Entity('accountability_check_ins')
@Index('accountability_check_ins_meeting_user_uq', ['meetingId', 'userId'], { unique: true })
@Index('accountability_check_ins_user_idx', ['userId'])
export class AccountabilityCheckInEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) meetingId: string;
  @ManyToOne(() => GroupMeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<GroupMeetingEntity>;
  @Column({ type: 'uuid' }) userId: string;
  @ManyToOne('UserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<object>;
  @Column({ type: 'text' }) done: string;
  @Column({ type: 'text' }) next: string;
  @Column({ type: 'text', nullable: true }) blockers: string | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
