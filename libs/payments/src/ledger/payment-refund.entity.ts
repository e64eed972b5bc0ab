import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { RefundStatus } from './payment.enums.js';
import { PaymentEntity } from './payment.entity.js';

/**
 * Money given back. A row is written (PENDING, reserving its amount) before Stripe is asked, with
 * the payment row locked, so concurrent refunds can never add up to more than was paid.
 */
@Entity('payment_refunds')
@Check('payment_refunds_amount_check', `amount > 0`)
@Check('payment_refunds_status_check', `status IN ('PENDING', 'SUCCEEDED', 'FAILED')`)
@Index('payment_refunds_payment_idx', ['paymentId', 'createdAt'])
@Index('payment_refunds_settled_idx', ['status', 'settledAt'])
@Index('payment_refunds_stripe_refund_uq', ['stripeRefundId'], { unique: true, where: 'stripe_refund_id IS NOT NULL' })
export class PaymentRefundEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) paymentId: string;
  @ManyToOne(() => PaymentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'payment_id' })
  payment?: Relation<PaymentEntity>;
  @Column({ type: 'int' }) amount: number;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ type: 'text' }) status: RefundStatus;
  @Column({ type: 'text', nullable: true }) stripeRefundId: string | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'uuid', nullable: true }) requestedBy: string | null;
  @Column({ type: 'text', nullable: true }) failureMessage: string | null;
  /** When it succeeded or failed. */
  @Column({ type: 'timestamptz', nullable: true }) settledAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
