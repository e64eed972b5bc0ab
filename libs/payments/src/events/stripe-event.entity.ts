import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

import { StripeEventOutcome, StripeEventSource } from './stripe-event.enums.js';

export { StripeEventOutcome, StripeEventSource };

/**
 * Every Stripe event we have acted on, written in the same transaction as its effect: the primary
 * key on Stripe's event id is what makes a redelivered (or concurrently delivered) event a no-op.
 */
@Entity('stripe_events')
@Check('stripe_events_source_check', `source IN ('WEBHOOK', 'RECONCILE')`)
@Check('stripe_events_outcome_check', `outcome IN ('APPLIED', 'IGNORED')`)
@Index('stripe_events_created_idx', ['eventCreatedAt'])
export class StripeEventEntity {
  @PrimaryColumn({ type: 'text' }) stripeEventId: string;
  @Column({ type: 'text' }) type: string;
  /** The id of `data.object`. */
  @Column({ type: 'text', nullable: true }) objectId: string | null;
  @Column({ type: 'timestamptz' }) eventCreatedAt: Date;
  @Column({ type: 'text' }) source: StripeEventSource;
  @Column({ type: 'text' }) outcome: StripeEventOutcome;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) processedAt: Date;
}
