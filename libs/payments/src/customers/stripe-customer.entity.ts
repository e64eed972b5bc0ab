import { Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';

/** Each account has at most one Stripe Customer, and each Customer belongs to one account. */
@Entity('stripe_customers')
export class StripeCustomerEntity {
  @PrimaryColumn({ type: 'uuid' }) userId: string;
  @OneToOne('UserEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<object>;
  @Index('stripe_customers_customer_uq', { unique: true })
  @Column({ type: 'text' })
  stripeCustomerId: string;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
