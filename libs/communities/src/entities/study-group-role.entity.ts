import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { StudyGroupEntity } from './study-group.entity.js';

/** A role the group rotates at its meetings (FACILITATOR, NOTE_TAKER, TIMEKEEPER, or its own). */
@Entity('study_group_roles')
@Check('study_group_roles_role_check', `role ~ '^[A-Z][A-Z0-9_]{1,39}$'`)
export class StudyGroupRoleEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'study_group_roles_pkey' }) groupId: string;
  @ManyToOne(() => StudyGroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<StudyGroupEntity>;
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'study_group_roles_pkey' }) role: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'smallint' }) position: number;
  /** Turns of this role before it (re)joined the rotation do not count. */
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' }) addedAt: Date;
}
