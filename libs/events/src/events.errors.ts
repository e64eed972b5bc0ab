import { AppError, ErrorCode } from '../../core/src/index.js';

/** Machine-readable reasons (extensions.reason) for the events feature's refusals. */
export enum EventsErrorReason {
  MEMBERS_ONLY = 'MEMBERS_ONLY',
  ALREADY_REGISTERED = 'ALREADY_REGISTERED',
  REGISTRATION_NOT_OPEN = 'REGISTRATION_NOT_OPEN',
  REGISTRATION_CLOSED = 'REGISTRATION_CLOSED',
  EVENT_NOT_OPEN = 'EVENT_NOT_OPEN',
  WRONG_EVENT_STATUS = 'WRONG_EVENT_STATUS',
  WRONG_REGISTRATION_STATUS = 'WRONG_REGISTRATION_STATUS',
  OFFER_EXPIRED = 'OFFER_EXPIRED',
  NOT_ATTENDED = 'NOT_ATTENDED',
  CAPACITY_BELOW_TAKEN = 'CAPACITY_BELOW_TAKEN',
  NO_FREE_SEAT = 'NO_FREE_SEAT',
  SOLD_OUT = 'SOLD_OUT',
}

export const membersOnly = () =>
  new AppError(ErrorCode.FORBIDDEN, 'This event is for members in good standing only', { reason: EventsErrorReason.MEMBERS_ONLY });

/** Every seat is taken and the waitlist is full (or the event has none). */
export const soldOut = (noWaitlist: boolean) =>
  new AppError(ErrorCode.CONFLICT, noWaitlist ? 'Every seat is taken, and this event has no waitlist' : 'Every seat is taken and the waitlist is full', {
    reason: EventsErrorReason.SOLD_OUT,
  });

export const wrongRegistrationStatus = (status: string, action: string) =>
  new AppError(ErrorCode.CONFLICT, `A ${status} registration cannot be ${action}`, { reason: EventsErrorReason.WRONG_REGISTRATION_STATUS });

export const wrongEventStatus = (status: string, action: string) =>
  new AppError(ErrorCode.CONFLICT, `A ${status} event cannot be ${action}`, { reason: EventsErrorReason.WRONG_EVENT_STATUS });
