import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation, UpdateDateColumn } from 'typeorm';

/** Stripe statuses under which the subscription will still charge the member. */
export const LIVE_SUBSCRIPTION_STATUSES = ['active', 'trialing', 'past_due', 'unpaid', 'incomplete'] as const;

/**
 * Our copy of a Stripe Subscription paying a membership's dues. `syncedAt` is the watermark: the
 * moment the snapshot was read from Stripe. A snapshot read earlier than the stored one is stale and
 * is not applied, so concurrent or reordered deliveries cannot take the state back.
 */
@Entity('dues_subscriptions')
@Index('dues_subscriptions_membership_idx', ['membershipId'])
@Index('dues_subscriptions_status_idx', ['status', 'cancelAtPeriodEnd'])
export class DuesSubscriptionEntity {
  @PrimaryColumn({ type: 'text' }) stripeSubscriptionId: string;
  @Column({ type: 'uuid' }) membershipId: string;
  @ManyToOne('MembershipEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'membership_id' })
  membership?: Relation<object>;
  @Column({ type: 'text' }) stripeCustomerId: string;
  @Column({ type: 'text', nullable: true }) stripeItemId: string | null;
  @Column({ type: 'text', nullable: true }) stripePriceId: string | null;
  /** Stripe's status: active, past_due, canceled, … */
  @Column({ type: 'text' }) status: string;
  @Column({ type: 'boolean', default: false }) cancelAtPeriodEnd: boolean;
  @Column({ type: 'timestamptz', nullable: true }) currentPeriodStart: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) currentPeriodEnd: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) endedAt: Date | null;
  @Column({ type: 'timestamptz', precision: 3 }) syncedAt: Date;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
