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
}

export const membersOnly = () =>
  new AppError(ErrorCode.FORBIDDEN, 'This event is for members in good standing only', { reason: EventsErrorReason.MEMBERS_ONLY });

export const wrongRegistrationStatus = (status: string, action: string) =>
  new AppError(ErrorCode.CONFLICT, `A ${status} registration cannot be ${action}`, { reason: EventsErrorReason.WRONG_REGISTRATION_STATUS });

export const wrongEventStatus = (status: string, action: string) =>
  new AppError(ErrorCode.CONFLICT, `A ${status} event cannot be ${action}`, { reason: EventsErrorReason.WRONG_EVENT_STATUS });
