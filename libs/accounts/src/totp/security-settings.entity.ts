import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The association's sign-in rules: one row (id 1), made by its migration. */
@Entity('security_settings')
@Check('security_settings_single_row_check', `id = 1`)
@Check(
  'security_settings_totp_required_for_check',
  `totp_required_for <@ ARRAY['ADMIN', 'MEMBERSHIP_MANAGER', 'FINANCE', 'EVENT_MANAGER', 'CHECK_IN', 'MENTORING_COORDINATOR', 'COMMUNITY_MANAGER']::text[]`,
)
export class SecuritySettingsEntity {
  @PrimaryColumn({ type: 'smallint', default: 1 }) id: number;
  /** Staff rights (or ADMIN) whose holders must sign in with a second factor to use them. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) totpRequiredFor: string[];
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
