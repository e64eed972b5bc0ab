import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Role, StaffPermission } from '../../../core/src/index.js';
import { UNCLAIMED_PASSWORD_HASH } from '../unclaimed-account.js';

/** An account: one person, one email (stored lower-case, unique). */
@Entity('users')
@Check('users_role_check', `role IN ('USER', 'ADMIN')`)
@Check('users_email_lower_check', `email = lower(email)`)
@Check(
  'users_staff_permissions_check',
  `staff_permissions <@ ARRAY['MEMBERSHIP_MANAGER', 'FINANCE', 'EVENT_MANAGER', 'CHECK_IN', 'MENTORING_COORDINATOR', 'COMMUNITY_MANAGER']::text[]`,
)
@Index('users_created_idx', ['createdAt', 'id'])
/** The directory and the members list page by name. */
@Index('users_name_idx', ['fullName', 'id'])
@Index('users_unclaimed_created_idx', ['createdAt', 'id'], { where: `password_hash = '${UNCLAIMED_PASSWORD_HASH}'` })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('users_email_uq', { unique: true })
  @Column({ type: 'text' })
  email: string;
  @Column({ type: 'text' }) passwordHash: string;
  @Column({ type: 'text' }) fullName: string;
  @Column({ type: 'text', default: Role.USER }) role: Role;
  /** Staff rights beyond `role`; an ADMIN holds every one without listing them. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) staffPermissions: StaffPermission[];
  /** When the person last proved they read mail at `email` (a verification, claim or reset link, or an email change). */
  @Column({ type: 'timestamptz', nullable: true }) emailVerifiedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
