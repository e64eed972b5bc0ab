import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { AccountTokenPurpose } from '../account-token.purpose.js';
import { UserEntity } from './user.entity.js';

/**
 * A link token sent by email (reset, claim, verification, email change), stored only as its SHA-256.
 * Good for one use before `expiresAt`; a newer token of the same purpose revokes the older ones.
 */
@Entity('account_tokens')
@Check('account_tokens_purpose_check', `purpose IN ('PASSWORD_RESET', 'ACCOUNT_CLAIM', 'EMAIL_VERIFICATION', 'EMAIL_CHANGE')`)
@Index('account_tokens_user_idx', ['userId', 'purpose', 'createdAt'])
export class AccountTokenEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) userId: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;
  @Column({ type: 'text' }) purpose: AccountTokenPurpose;
  @Index('account_tokens_hash_uq', { unique: true })
  @Column({ type: 'text' })
  tokenHash: string;
  /** The address the link went to: for an email change the new one; otherwise the token is good only while the account still has it. */
  @Column({ type: 'text' }) email: string;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @Column({ type: 'timestamptz' }) expiresAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) usedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}
