import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { RegistrationEntity } from './registration.entity.js';

export enum EventPaymentStatus {
  PAID = 'PAID',
  /** A refund job is queued (late payment, cancellation). */
  REFUND_PENDING = 'REFUND_PENDING',
  REFUNDED = 'REFUNDED',
}

/** Money received for a seat (one row per paid Checkout Session), and its refund. */
@Entity('event_payments')
@Check('event_payments_status_check', `status IN ('PAID', 'REFUND_PENDING', 'REFUNDED')`)
@Check('event_payments_amount_check', `amount >= 0 AND currency ~ '^[A-Z]{3}$'`)
@Index('event_payments_registration_idx', ['registrationId'])
@Index('event_payments_event_idx', ['eventId', 'status'])
export class EventPaymentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) registrationId: string;
  @ManyToOne(() => RegistrationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'registration_id' })
  registration?: Relation<RegistrationEntity>;
  @Column({ type: 'uuid' }) eventId: string;
  @Column({ type: 'uuid' }) userId: string;
  @Index('event_payments_checkout_uq', { unique: true })
  @Column({ type: 'text' })
  checkoutSessionId: string;
  @Column({ type: 'text', nullable: true }) paymentIntentId: string | null;
  @Column({ type: 'int' }) amount: number;
  @Column({ type: 'char', length: 3 }) currency: string;
  @Column({ type: 'text' }) status: EventPaymentStatus;
  @Column({ type: 'text', nullable: true }) refundReason: string | null;
  @Column({ type: 'text', nullable: true }) refundId: string | null;
  @Column({ type: 'timestamptz', nullable: true }) refundedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
