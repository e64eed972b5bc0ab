import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { enqueue } from '../../core/src/index.js';
import { EventEntity } from './entities/event.entity.js';
import { RegistrationEntity } from './entities/registration.entity.js';
import { EVENTS_CONFIG, type EventsConfig } from './events.config.js';
import { EventStatus, RegistrationEndReason, RegistrationStatus, SEAT_STATUSES } from './events.enums.js';
import { EventMailer } from './event-mailer.js';
import { RegistrantContacts } from './registrant-contacts.js';
import { RegistrationsRepository } from './registrations.repository.js';

export const EXPIRE_CHECKOUT_TASK = 'events-expire-checkout';

const MINUTE = 60_000;

/**
 * The seat rules that run on a locked event row: who gets a freed seat (the head of the queue),
 * what happens when a hold or an offer lapses, and the counters that go with each move.
 * Callers take the event lock first, then call these, then save the event's counters.
 */
@Injectable()
export class WaitlistService {
  constructor(
    private readonly registrations: RegistrationsRepository,
    private readonly contacts: RegistrantContacts,
    private readonly mailer: EventMailer,
    @Inject(EVENTS_CONFIG) private readonly config: EventsConfig,
  ) {}

  hasFreeSeat(event: EventEntity): boolean {
    return event.capacity === null || event.seatsTaken < event.capacity;
  }

  /** A newcomer gets a seat only when one is free and nobody is queueing for it. */
  seatForNewcomer(event: EventEntity): boolean {
    return this.hasFreeSeat(event) && event.waitlistCount === 0;
  }

  /** Whether a newcomer without a seat may queue: the event's waitlist limit (null: none; 0: no waitlist). */
  queueHasRoom(event: EventEntity): boolean {
    return event.waitlistLimit === null || event.waitlistCount < event.waitlistLimit;
  }

  /** Puts a registration at the end of the queue; returns its position. */
  enqueue(event: EventEntity, registration: RegistrationEntity): number {
    event.waitlistSeq += 1;
    event.waitlistCount += 1;
    registration.status = RegistrationStatus.WAITLISTED;
    registration.waitlistSeq = event.waitlistSeq;
    return event.waitlistCount;
  }

  /** Takes a live registration out of its seat or its queue place (the caller sets its new status). */
  vacate(event: EventEntity, registration: RegistrationEntity): void {
    if ((SEAT_STATUSES as readonly string[]).includes(registration.status)) event.seatsTaken -= 1;
    else if (registration.status === RegistrationStatus.WAITLISTED) event.waitlistCount -= 1;
    registration.waitlistSeq = null;
  }

  /**
   * Fills free seats from the head of the queue, in order: a free seat is confirmed at once, a paid
   * one is offered with a payment window. Returns the registrations promoted.
   */
  async promote(manager: EntityManager, event: EventEntity, now: Date): Promise<RegistrationEntity[]> {
    const promoted: RegistrationEntity[] = [];
    while (event.status === EventStatus.PUBLISHED && now < event.startsAt && event.waitlistCount > 0 && this.hasFreeSeat(event)) {
      const next = await this.registrations.nextWaitlisted(manager, event.id);
      if (!next) break;
      await this.seat(manager, event, next, now);
      promoted.push(next);
    }
    return promoted;
  }

  /**
   * Gives one waitlisted registration the free seat (the caller holds the event lock and has checked
   * that a seat is free): a free seat is confirmed at once, a paid one offered with the payment window.
   * The one path for automatic promotion and staff offers, so both send the same email with the same expiry.
   */
  async seat(manager: EntityManager, event: EventEntity, next: RegistrationEntity, now: Date): Promise<void> {
    this.vacate(event, next);
    event.seatsTaken += 1;
    next.promotedAt = now;
    next.endReason = null;
    const contact = await this.contacts.of(manager, next.userId);
    const to = { userId: next.userId, ...contact };
    if (next.priceAmount === 0) {
      next.status = RegistrationStatus.CONFIRMED;
      next.confirmedAt = now;
      await this.registrations.save(manager, next);
      await this.mailer.confirmed(manager, to, event, next, true);
    } else {
      next.status = RegistrationStatus.OFFERED;
      next.offersMade += 1;
      next.offerExpiresAt = new Date(Math.min(now.getTime() + this.config.offerWindowMinutes * MINUTE, event.startsAt.getTime()));
      await this.registrations.save(manager, next);
      await this.mailer.offered(manager, to, event, next.id, next.offersMade, next.offerExpiresAt, { amount: next.priceAmount, currency: next.priceCurrency });
    }
  }

  /**
   * A hold or an offer ran out. A direct hold is released (CANCELLED); a seat offered from the
   * waitlist passes on, and its person goes back to the end of the queue while they have
   * re-queues left (otherwise CANCELLED). The caller then promotes the next person.
   */
  async lapse(manager: EntityManager, event: EventEntity, registration: RegistrationEntity, now: Date): Promise<void> {
    const fromWaitlist = registration.offersMade > 0;
    const contact = await this.contacts.of(manager, registration.userId);
    const to = { userId: registration.userId, ...contact };
    const sessionId = registration.checkoutSessionId;
    this.vacate(event, registration);
    registration.offerExpiresAt = null;
    registration.holdExpiresAt = null;
    registration.checkoutUrl = null;
    if (fromWaitlist) {
      registration.endReason = RegistrationEndReason.OFFER_LAPSED;
      const requeued = registration.offersMade <= this.config.offerRequeues && event.status === EventStatus.PUBLISHED;
      if (requeued) this.enqueue(event, registration);
      else this.cancel(registration, RegistrationEndReason.OFFER_LAPSED, now);
      await this.registrations.save(manager, registration);
      await this.mailer.offerLapsed(manager, to, event, registration.id, registration.offersMade, requeued);
    } else {
      this.cancel(registration, RegistrationEndReason.HOLD_EXPIRED, now);
      await this.registrations.save(manager, registration);
      await this.mailer.holdExpired(manager, to, event, registration.id);
    }
    if (sessionId) await enqueue(manager, EXPIRE_CHECKOUT_TASK, { sessionId }, { jobKey: `expire:${sessionId}` });
  }

  cancel(registration: RegistrationEntity, reason: RegistrationEndReason, now: Date): void {
    registration.status = RegistrationStatus.CANCELLED;
    registration.endReason = reason;
    registration.cancelledAt = now;
    registration.waitlistSeq = null;
    registration.holdExpiresAt = null;
    registration.offerExpiresAt = null;
  }
}
