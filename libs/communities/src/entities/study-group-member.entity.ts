import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { GroupMemberRole, GroupMemberStatus } from '../community.enums.js';
import { StudyGroupEntity } from './study-group.entity.js';

/** A person in a group: one row per person per group (the primary key), pending or active. */
@Entity('study_group_members')
@Check('study_group_members_role_check', `role IN ('FACILITATOR', 'MEMBER')`)
@Check('study_group_members_status_check', `status IN ('PENDING', 'ACTIVE')`)
@Check('study_group_members_joined_check', `(status = 'ACTIVE') = (joined_at IS NOT NULL)`)
@Index('study_group_members_user_idx', ['userId', 'status'])
@Index('study_group_members_group_status_idx', ['groupId', 'status', 'joinedAt'])
export class StudyGroupMemberEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'study_group_members_pkey' }) groupId: string;
  @ManyToOne(() => StudyGroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<StudyGroupEntity>;
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'study_group_members_pkey' }) userId: string;
  @ManyToOne('UserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<object>;
  @Column({ type: 'text' }) role: GroupMemberRole;
  @Column({ type: 'text' }) status: GroupMemberStatus;
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' }) requestedAt: Date;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) joinedAt: Date | null;
  /** Role-rotation credit given at joining (see rotation/role-rotation.ts `joinBase`). */
  @Column({ type: 'jsonb', default: () => `'{}'` }) rotationBase: Record<string, number>;
}
