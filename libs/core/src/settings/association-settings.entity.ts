import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The association's own settings: exactly one row (its key can only be `true`), made by the migration. */
@Entity('association_settings')
@Check('association_settings_single_row_check', `id`)
export class AssociationSettingsEntity {
  @PrimaryColumn({ type: 'boolean', default: true }) id: boolean;
  @Column({ type: 'text', default: 'Guildhall' }) name: string;
  /** When on, paying, applying and registering wait until the account's email is verified. */
  @Column({ type: 'boolean', default: false }) requireVerifiedEmail: boolean;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
