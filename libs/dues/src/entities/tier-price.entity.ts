import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';

/**
 * The Stripe Price charging a tier's dues. Stripe prices are immutable, so the key is the whole
 * charge (tier, amount, currency, interval): a tier whose price changes gets a new row and Price.
 */
@Entity('dues_tier_prices')
@Check('dues_tier_prices_interval_check', `interval IN ('year', 'month', 'once')`)
@Check('dues_tier_prices_amount_check', `amount > 0`)
@Index('dues_tier_prices_tier_idx', ['tierId'])
export class DuesTierPriceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) tierId: string;
  @ManyToOne('MembershipTierEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tier_id' })
  tier?: Relation<object>;
  @Column({ type: 'int' }) amount: number;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ type: 'text' }) interval: 'year' | 'month' | 'once';
  @Index('dues_tier_prices_lookup_key_uq', { unique: true })
  @Column({ type: 'text' })
  lookupKey: string;
  @Column({ type: 'text' }) stripeProductId: string;
  @Index('dues_tier_prices_stripe_price_uq', { unique: true })
  @Column({ type: 'text' })
  stripePriceId: string;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
