import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig, DomainEvents, formatMoney, type OutboxAttachment, OutboxService } from '../../core/src/index.js';
import { calendarDocument } from './ics/calendar.js';
import { ticketQrSvg } from './tickets/ticket-qr.js';
import { EventEntity } from './entities/event.entity.js';

export interface Recipient {
  userId: string;
  email: string;
  fullName: string;
}

/**
 * The event emails, written to the outbox in the caller's transaction; each has a dedupe key, so none goes twice.
 * Confirmations and cancellations also tell integrations (DomainEvents) here, the one place each is announced.
 */
@Injectable()
export class EventMailer {
  constructor(
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly domainEvents: DomainEvents,
  ) {}

  private async announce(manager: EntityManager, type: 'event.registration.confirmed' | 'event.registration.cancelled', to: Recipient, event: EventEntity, registrationId: string, first: boolean): Promise<boolean> {
    if (first) await this.domainEvents.record(manager, type, { registrationId, eventId: event.id, userId: to.userId });
    return first;
  }

  when(event: EventEntity, at: Date = event.startsAt): string {
    return DateTime.fromJSDate(at, { zone: event.timezone }).toFormat("cccc d LLLL yyyy, HH:mm ZZZZ '('z')'");
  }

  private calendarLink(event: EventEntity): string {
    return `${this.config.publicUrl}/events/${event.id}.ics`;
  }

  private send(manager: EntityManager, to: Recipient, template: string, subject: string, body: string, dedupeKey: string, attachments?: OutboxAttachment[]): Promise<boolean> {
    return this.outbox.enqueue(manager, {
      attachments,
      to: to.email,
      recipientUserId: to.userId,
      template,
      subject,
      text: `Dear ${to.fullName},\n\n${body}`,
      dedupeKey,
    });
  }

  /** With the ticket: its check-in code in the text and as a QR code (ticket.svg) for the door. */
  async confirmed(manager: EntityManager, to: Recipient, event: EventEntity, registration: { id: string; checkInCode: string }, fromWaitlist = false): Promise<boolean> {
    const lead = fromWaitlist ? `Good news: a seat opened up and is now yours.` : `You are registered.`;
    const sent = await this.send(manager, to, fromWaitlist ? 'event-waitlist-promoted' : 'event-registration-confirmed', `Confirmed: ${event.title}`,
      `${lead}\n\n${event.title}\n${this.when(event)}${event.venue ? `\n${event.venue}` : ''}\n\nYour ticket code is ${registration.checkInCode}: show the attached QR code (ticket.svg) or tell the code at the door.\n\nThe calendar entry is attached (also at ${this.calendarLink(event)}).`,
      `event-confirmed:${registration.id}`,
      [
        { filename: 'event.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: calendarDocument([event], this.config.publicUrl, event.title) },
        { filename: 'ticket.svg', contentType: 'image/svg+xml', content: await ticketQrSvg(registration.checkInCode) },
      ]);
    return this.announce(manager, 'event.registration.confirmed', to, event, registration.id, sent);
  }

  waitlisted(manager: EntityManager, to: Recipient, event: EventEntity, registrationId: string, ticket: number, position: number): Promise<boolean> {
    return this.send(manager, to, 'event-waitlisted', `Waitlist: ${event.title}`,
      `${event.title} is full, so you are on the waitlist at position ${position}. When a seat frees up it goes to the first person in line; we will email you.`,
      `event-waitlisted:${registrationId}:${ticket}`);
  }

  offered(manager: EntityManager, to: Recipient, event: EventEntity, registrationId: string, offerNumber: number, expiresAt: Date, price: { amount: number; currency: string }): Promise<boolean> {
    return this.send(manager, to, 'event-seat-offered', `A seat is yours if you want it: ${event.title}`,
      `A seat opened up at ${event.title} (${this.when(event)}) and we are offering it to you from the waitlist.\n\nAccept it and pay ${formatMoney(price.amount, price.currency)} by ${this.when(event, expiresAt)}; after that it passes to the next person.`,
      `event-offer:${registrationId}:${offerNumber}`);
  }

  offerLapsed(manager: EntityManager, to: Recipient, event: EventEntity, registrationId: string, offerNumber: number, requeued: boolean): Promise<boolean> {
    const rest = requeued
      ? 'The seat has passed to the next person, and you are back at the end of the waitlist.'
      : 'The seat has passed to the next person, and your registration has been cancelled.';
    return this.send(manager, to, 'event-offer-lapsed', `Your seat offer lapsed: ${event.title}`,
      `The seat we offered you at ${event.title} was not taken up in time. ${rest}`, `event-offer-lapsed:${registrationId}:${offerNumber}`);
  }

  holdExpired(manager: EntityManager, to: Recipient, event: EventEntity, registrationId: string): Promise<boolean> {
    return this.send(manager, to, 'event-hold-expired', `Your seat hold expired: ${event.title}`,
      `We held a seat for you at ${event.title}, but payment did not arrive in time, so the seat was released. You are welcome to register again.`,
      `event-hold-expired:${registrationId}`);
  }

  lateRefund(manager: EntityManager, to: Recipient, event: EventEntity, paymentId: string, amount: number, currency: string): Promise<boolean> {
    return this.send(manager, to, 'event-late-payment-refunded', `Your payment is being refunded: ${event.title}`,
      `Your payment of ${formatMoney(amount, currency)} for ${event.title} arrived after your seat was released (or the event was cancelled), so we are refunding it in full.`,
      `event-late-payment:${paymentId}`);
  }

  async registrationCancelled(manager: EntityManager, to: Recipient, event: EventEntity, registrationId: string, refunded: boolean): Promise<boolean> {
    const sent = await this.send(manager, to, 'event-registration-cancelled', `Cancelled: ${event.title}`,
      `Your registration for ${event.title} has been cancelled.${refunded ? ' Your payment will be refunded in full.' : ''}`, `event-registration-cancelled:${registrationId}`);
    return this.announce(manager, 'event.registration.cancelled', to, event, registrationId, sent);
  }

  async eventCancelled(manager: EntityManager, to: Recipient, event: EventEntity, registrationId: string, reason: string, refunded: boolean): Promise<boolean> {
    const sent = await this.send(manager, to, 'event-cancelled', `Event cancelled: ${event.title}`,
      `We are sorry: ${event.title} (${this.when(event)}) has been cancelled.\n\nReason: ${reason}${refunded ? '\n\nYour payment will be refunded in full.' : ''}`,
      `event-cancelled:${registrationId}`);
    return this.announce(manager, 'event.registration.cancelled', to, event, registrationId, sent);
  }

  reminder(manager: EntityManager, to: Recipient, event: EventEntity, registrationId: string): Promise<boolean> {
    return this.send(manager, to, 'event-reminder', `Tomorrow: ${event.title}`,
      `A reminder that ${event.title} starts ${this.when(event)}.${event.venue ? `\nVenue: ${event.venue}` : ''}\n\nCalendar: ${this.calendarLink(event)}`,
      `event-reminder:${registrationId}`);
  }
}
