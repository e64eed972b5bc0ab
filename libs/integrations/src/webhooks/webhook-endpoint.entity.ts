import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A receiver of outgoing webhooks. The HMAC needs the signing secret on every send (as Stripe keeps endpoint
 * secrets): it is sealed with GUILDHALL_ENCRYPTION_KEYS when set (WEBHOOK_SECRET), and shown to staff only
 * when the endpoint is made.
 */
@Entity('webhook_endpoints')
@Check('webhook_endpoints_previous_secret_chk', '(previous_secret IS NULL) = (previous_secret_expires_at IS NULL)')
@Index('webhook_endpoints_created_idx', ['createdAt', 'id'])
export class WebhookEndpointEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) url: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'text', array: true }) events: string[];
  @Column({ type: 'text' }) secret: string;
  /** The secret a roll replaced: it also signs until `previousSecretExpiresAt` (both null otherwise). Sealed like `secret`. */
  @Column({ type: 'text', nullable: true }) previousSecret: string | null;
  @Column({ type: 'timestamptz', nullable: true }) previousSecretExpiresAt: Date | null;
  @Column({ type: 'boolean', default: true }) enabled: boolean;
  /** Why it was switched off automatically (null when on, or switched off by staff). */
  @Column({ type: 'text', nullable: true }) disabledReason: string | null;
  /** Since when every attempt has failed (null after any success). */
  @Column({ type: 'timestamptz', nullable: true }) failingSince: Date | null;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
