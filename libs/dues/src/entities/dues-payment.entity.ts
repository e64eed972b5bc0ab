import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, type Relation } from 'typeorm';

/**
 * What a ledger payment of purpose DUES paid for: which membership, at which tier, for which period.
 * `sourceRef` (the Stripe invoice or payment intent, or `offline:<payment id>`) is the same reference
 * the membership period carries, and is unique.
 */
@Entity('dues_payments')
@Index('dues_payments_membership_idx', ['membershipId'])
@Index('dues_payments_tier_idx', ['tierId'])
export class DuesPaymentEntity {
  @PrimaryColumn({ type: 'uuid' }) paymentId: string;
  /** The ledger row (payments owns it; named, not imported, to keep its entity private). */
  @OneToOne('PaymentEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'payment_id' })
  payment?: unknown;
  @Column({ type: 'uuid' }) membershipId: string;
  @ManyToOne('MembershipEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'membership_id' })
  membership?: Relation<object>;
  @Column({ type: 'uuid' }) tierId: string;
  @ManyToOne('MembershipTierEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tier_id' })
  tier?: Relation<object>;
  @Index('dues_payments_source_ref_uq', { unique: true })
  @Column({ type: 'text' })
  sourceRef: string;
  @Column({ type: 'timestamptz' }) periodStartsAt: Date;
  /** Null: lifetime. */
  @Column({ type: 'timestamptz', nullable: true }) periodEndsAt: Date | null;
  /** False when the money arrived for a membership that could not be extended (e.g. cancelled): refund it. */
  @Column({ type: 'boolean' }) applied: boolean;
  @Column({ type: 'text', nullable: true }) stripeSubscriptionId: string | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
