import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { RegistrationEndReason, RegistrationStatus } from '../events.enums.js';
import { EventEntity } from './event.entity.js';

/**
 * One person's place at an event. At most one live (held, offered, confirmed or waitlisted)
 * registration per person per event, and no two waitlisted ones with the same ticket: partial
 * unique indexes enforce both whatever the concurrency.
 */
@Entity('event_registrations')
@Index('event_registrations_one_live_per_person_uq', ['eventId', 'userId'], {
  unique: true,
  where: `status IN ('PENDING_PAYMENT', 'CONFIRMED', 'OFFERED', 'WAITLISTED')`,
})
@Index('event_registrations_waitlist_uq', ['eventId', 'waitlistSeq'], { unique: true, where: `status = 'WAITLISTED'` })
@Index('event_registrations_event_created_idx', ['eventId', 'createdAt', 'id'])
@Index('event_registrations_user_created_idx', ['userId', 'createdAt', 'id'])
@Index('event_registrations_hold_idx', ['holdExpiresAt'], { where: `status = 'PENDING_PAYMENT'` })
@Index('event_registrations_offer_idx', ['offerExpiresAt'], { where: `status = 'OFFERED'` })
@Check('event_registrations_status_check', `status IN ('PENDING_PAYMENT', 'CONFIRMED', 'WAITLISTED', 'OFFERED', 'CANCELLED')`)
@Check('event_registrations_waitlist_check', `(status = 'WAITLISTED') = (waitlist_seq IS NOT NULL)`)
@Check('event_registrations_hold_check', `status <> 'PENDING_PAYMENT' OR hold_expires_at IS NOT NULL`)
@Check('event_registrations_offer_check', `status <> 'OFFERED' OR offer_expires_at IS NOT NULL`)
@Check('event_registrations_price_check', `price_amount >= 0 AND price_currency ~ '^[A-Z]{3}$'`)
export class RegistrationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) eventId: string;
  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<EventEntity>;
  @Column({ type: 'uuid' }) userId: string;
  @ManyToOne('UserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<object>;
  @Column({ type: 'text' }) status: RegistrationStatus;
  /** What this person pays (member price less their tier's discount, or the non-member price). */
  @Column({ type: 'int' }) priceAmount: number;
  @Column({ type: 'char', length: 3 }) priceCurrency: string;
  /** Place in the queue while WAITLISTED (lower goes first); the position is its rank. */
  @Column({ type: 'int', nullable: true }) waitlistSeq: number | null;
  @Column({ type: 'timestamptz', nullable: true }) holdExpiresAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) offerExpiresAt: Date | null;
  @Column({ type: 'int', default: 0 }) offersMade: number;
  @Index('event_registrations_checkout_uq', { unique: true })
  @Column({ type: 'text', nullable: true })
  checkoutSessionId: string | null;
  @Column({ type: 'text', nullable: true }) checkoutUrl: string | null;
  @Index('event_registrations_check_in_code_uq', { unique: true })
  @Column({ type: 'text' })
  checkInCode: string;
  @Index('event_registrations_certificate_code_uq', { unique: true })
  @Column({ type: 'text', nullable: true })
  certificateCode: string | null;
  @Column({ type: 'timestamptz', nullable: true }) certificateIssuedAt: Date | null;
  @Column({ type: 'text', nullable: true }) endReason: RegistrationEndReason | null;
  @Column({ type: 'timestamptz', nullable: true }) confirmedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) promotedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) remindedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
