import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { PaymentProvider, PaymentPurpose, PaymentStatus } from './payment.enums.js';

/**
 * The ledger: money received, whatever it paid for (dues now, event tickets later). Rows are never
 * deleted (the user FK restricts). Each Stripe id is unique, so one Stripe payment is recorded once.
 */
@Entity('payments')
@Check('payments_amount_check', `amount > 0`)
@Check('payments_refunded_check', `amount_refunded >= 0 AND amount_refunded <= amount`)
@Check('payments_currency_check', `currency ~ '^[A-Z]{3}$'`)
@Check('payments_status_check', `status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED')`)
@Check('payments_purpose_check', `purpose IN ('DUES', 'EVENT')`)
@Check('payments_provider_check', `provider IN ('STRIPE', 'OFFLINE')`)
@Index('payments_user_created_idx', ['userId', 'createdAt', 'id'])
@Index('payments_created_idx', ['createdAt', 'id'])
@Index('payments_paid_at_idx', ['purpose', 'paidAt'])
@Index('payments_stripe_payment_intent_uq', ['stripePaymentIntentId'], { unique: true, where: 'stripe_payment_intent_id IS NOT NULL' })
@Index('payments_stripe_invoice_uq', ['stripeInvoiceId'], { unique: true, where: 'stripe_invoice_id IS NOT NULL' })
@Index('payments_stripe_charge_uq', ['stripeChargeId'], { unique: true, where: 'stripe_charge_id IS NOT NULL' })
@Index('payments_offline_reference_uq', ['method', 'externalReference'], { unique: true, where: `provider = 'OFFLINE'` })
export class PaymentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) userId: string;
  @ManyToOne('UserEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<object>;
  @Column({ type: 'text' }) purpose: PaymentPurpose;
  @Column({ type: 'text' }) provider: PaymentProvider;
  /** card, cheque, bank_transfer, cash, other. */
  @Column({ type: 'text' }) method: string;
  /** Minor units. */
  @Column({ type: 'int' }) amount: number;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ type: 'int', default: 0 }) amountRefunded: number;
  @Column({ type: 'text', default: PaymentStatus.SUCCEEDED }) status: PaymentStatus;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'text', nullable: true }) stripePaymentIntentId: string | null;
  @Column({ type: 'text', nullable: true }) stripeChargeId: string | null;
  @Column({ type: 'text', nullable: true }) stripeInvoiceId: string | null;
  @Column({ type: 'text', nullable: true }) stripeCustomerId: string | null;
  @Column({ type: 'text', nullable: true }) receiptUrl: string | null;
  /** Offline payments: the cheque number, bank reference… (unique per method). */
  @Column({ type: 'text', nullable: true }) externalReference: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  /** The admin who recorded an offline payment. */
  @Column({ type: 'uuid', nullable: true }) recordedBy: string | null;
  @Column({ type: 'timestamptz' }) paidAt: Date;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
