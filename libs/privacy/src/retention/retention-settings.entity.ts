import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** How long personal data is kept, in days (null: kept until someone asks). One row (id 1), made by its migration. */
@Entity('retention_settings')
@Check('retention_settings_single_row_check', `id = 1`)
@Check(
  'retention_settings_days_check',
  `(lapsed_member_days IS NULL OR lapsed_member_days >= 30) AND outbox_body_days >= 1 AND login_failure_days >= 1 AND (audit_entry_days IS NULL OR audit_entry_days >= 365)`,
)
export class RetentionSettingsEntity {
  @PrimaryColumn({ type: 'smallint', default: 1 }) id: number;
  /** After a person's last membership ended this long ago, their account is erased (null: never). */
  @Column({ type: 'int', nullable: true }) lapsedMemberDays: number | null;
  @Column({ type: 'int', default: 90 }) outboxBodyDays: number;
  @Column({ type: 'int', default: 30 }) loginFailureDays: number;
  /** Null: audit entries are kept for good. */
  @Column({ type: 'int', nullable: true }) auditEntryDays: number | null;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
