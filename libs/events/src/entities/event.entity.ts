import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { EventFormat, EventKind, EventStatus } from '../events.enums.js';

/**
 * A professional-development event. `seatsTaken` (held, offered or confirmed seats) and
 * `waitlistCount` are kept in step with the registrations by the service, always while this row is
 * locked; the CHECK constraints refuse any write that would overbook.
 */
@Entity('events')
@Check('events_kind_check', `kind IN ('WORKSHOP', 'WEBINAR', 'CONFERENCE', 'MEETUP', 'COURSE')`)
@Check('events_format_check', `format IN ('IN_PERSON', 'VIRTUAL', 'HYBRID')`)
@Check('events_status_check', `status IN ('DRAFT', 'PUBLISHED', 'CANCELLED', 'COMPLETED')`)
@Check('events_times_check', `ends_at > starts_at`)
@Check('events_registration_window_check', `registration_closes_at IS NULL OR registration_opens_at IS NULL OR registration_closes_at > registration_opens_at`)
@Check('events_seats_check', `seats_taken >= 0 AND (capacity IS NULL OR (capacity >= 0 AND seats_taken <= capacity))`)
@Check('events_waitlist_check', `waitlist_count >= 0`)
@Check('events_waitlist_limit_check', `waitlist_limit IS NULL OR waitlist_limit >= 0`)
@Check('events_prices_check', `member_price_amount >= 0 AND non_member_price_amount >= 0`)
@Check('events_currency_check', `price_currency ~ '^[A-Z]{3}$'`)
@Index('events_status_starts_idx', ['status', 'startsAt', 'id'])
@Index('events_starts_idx', ['startsAt', 'id'])
export class EventEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'text' }) kind: EventKind;
  @Column({ type: 'text' }) format: EventFormat;
  @Column({ type: 'text', default: EventStatus.DRAFT }) status: EventStatus;
  @Column({ type: 'timestamptz' }) startsAt: Date;
  @Column({ type: 'timestamptz' }) endsAt: Date;
  /** IANA zone the event is held in (for display and .ics files). */
  @Column({ type: 'text' }) timezone: string;
  @Column({ type: 'text', nullable: true }) venue: string | null;
  @Column({ type: 'text', nullable: true }) onlineUrl: string | null;
  /** Null: no limit. */
  @Column({ type: 'int', nullable: true }) capacity: number | null;
  @Column({ type: 'timestamptz', nullable: true }) registrationOpensAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) registrationClosesAt: Date | null;
  @Column({ type: 'int' }) memberPriceAmount: number;
  @Column({ type: 'int' }) nonMemberPriceAmount: number;
  @Column({ type: 'char', length: 3 }) priceCurrency: string;
  @Column({ type: 'boolean', default: false }) membersOnly: boolean;
  @Column({ type: 'int', default: 0 }) seatsTaken: number;
  @Column({ type: 'int', default: 0 }) waitlistCount: number;
  /** Null: the waitlist has no limit; 0: no waitlist. Newcomers only: people already queueing keep their place. */
  @Column({ type: 'int', nullable: true }) waitlistLimit: number | null;
  /** The last waitlist ticket handed out: the next person joins the queue with this + 1. */
  @Column({ type: 'int', default: 0 }) waitlistSeq: number;
  /** Bumped on every change; the .ics SEQUENCE. */
  @Column({ type: 'int', default: 0 }) revision: number;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
  @Column({ type: 'text', nullable: true }) cancelReason: string | null;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
