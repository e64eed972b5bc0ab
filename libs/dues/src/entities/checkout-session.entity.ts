import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';

export enum CheckoutMode {
  PAYMENT = 'PAYMENT',
  SUBSCRIPTION = 'SUBSCRIPTION',
}

export enum CheckoutStatus {
  OPEN = 'OPEN',
  COMPLETE = 'COMPLETE',
  EXPIRED = 'EXPIRED',
}

/** A Stripe Checkout Session we opened for a membership's dues, keyed by the idempotency key that made it. */
@Entity('dues_checkout_sessions')
@Check('dues_checkout_sessions_mode_check', `mode IN ('PAYMENT', 'SUBSCRIPTION')`)
@Check('dues_checkout_sessions_status_check', `status IN ('OPEN', 'COMPLETE', 'EXPIRED')`)
@Check('dues_checkout_sessions_amount_check', `amount > 0`)
@Index('dues_checkout_sessions_membership_idx', ['membershipId', 'createdAt'])
export class DuesCheckoutSessionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('dues_checkout_sessions_stripe_uq', { unique: true })
  @Column({ type: 'text' })
  stripeSessionId: string;
  @Index('dues_checkout_sessions_key_uq', { unique: true })
  @Column({ type: 'text' })
  idempotencyKey: string;
  @Column({ type: 'uuid' }) membershipId: string;
  @ManyToOne('MembershipEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'membership_id' })
  membership?: Relation<object>;
  @Column({ type: 'uuid' }) userId: string;
  @Column({ type: 'uuid' }) tierId: string;
  @Column({ type: 'text' }) mode: CheckoutMode;
  @Column({ type: 'text' }) status: CheckoutStatus;
  /** `first`, or `renew-<unix end of the period being renewed>`. */
  @Column({ type: 'text' }) periodLabel: string;
  @Column({ type: 'int' }) amount: number;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ type: 'text', nullable: true }) url: string | null;
  @Column({ type: 'timestamptz' }) expiresAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) completedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
