import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { UserEntity } from '../entities/user.entity.js';

/**
 * An account's TOTP factor. Verifying a code needs the shared secret (RFC 6238): it is kept sealed with
 * GUILDHALL_ENCRYPTION_KEYS when set (TotpRepository seals and opens it).
 * Unconfirmed until the person proves their app with a code; only confirmed factors are asked for at log-in.
 */
@Entity('account_totp')
export class AccountTotpEntity {
  @PrimaryColumn({ type: 'uuid' }) userId: string;
  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;
  /** Base32 once opened; in the table, `enc:v1:<key id>:…` when sealed. */
  @Column({ type: 'text' }) secret: string;
  @Column({ type: 'timestamptz', nullable: true }) confirmedAt: Date | null;
  /** The last 30-second step a code was accepted for: a code is good once (no replay within its window). */
  @Column({ type: 'bigint', nullable: true }) lastUsedStep: string | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
