import { registerEnumType } from '@nestjs/graphql';

export enum EventKind {
  WORKSHOP = 'WORKSHOP',
  WEBINAR = 'WEBINAR',
  CONFERENCE = 'CONFERENCE',
  MEETUP = 'MEETUP',
  COURSE = 'COURSE',
}
registerEnumType(EventKind, { name: 'EventKind' });

export enum EventFormat {
  IN_PERSON = 'IN_PERSON',
  VIRTUAL = 'VIRTUAL',
  HYBRID = 'HYBRID',
}
registerEnumType(EventFormat, { name: 'EventFormat' });

export enum EventStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  CANCELLED = 'CANCELLED',
  COMPLETED = 'COMPLETED',
}
registerEnumType(EventStatus, { name: 'EventStatus' });

export enum RegistrationStatus {
  PENDING_PAYMENT = 'PENDING_PAYMENT',
  CONFIRMED = 'CONFIRMED',
  WAITLISTED = 'WAITLISTED',
  OFFERED = 'OFFERED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  valuesMap: {
    PENDING_PAYMENT: { description: 'A seat is held until `holdExpiresAt` while the person pays at `checkoutUrl`.' },
    OFFERED: { description: 'A freed seat is offered from the waitlist until `offerExpiresAt`: accept it (and pay) before then.' },
  },
});

/** Why a registration ended (CANCELLED), or why it went back to the waitlist. */
export enum RegistrationEndReason {
  BY_REGISTRANT = 'BY_REGISTRANT',
  BY_ADMIN = 'BY_ADMIN',
  EVENT_CANCELLED = 'EVENT_CANCELLED',
  HOLD_EXPIRED = 'HOLD_EXPIRED',
  OFFER_LAPSED = 'OFFER_LAPSED',
  PAYMENT_FAILED = 'PAYMENT_FAILED',
}
registerEnumType(RegistrationEndReason, { name: 'RegistrationEndReason' });

/** The statuses that occupy one of the event's seats. */
export const SEAT_STATUSES = [RegistrationStatus.PENDING_PAYMENT, RegistrationStatus.CONFIRMED, RegistrationStatus.OFFERED] as const;
/** A person has at most one registration in these statuses per event (a partial unique index). */
export const LIVE_STATUSES = [...SEAT_STATUSES, RegistrationStatus.WAITLISTED] as const;

export const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
