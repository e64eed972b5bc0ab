/** The event types an endpoint may subscribe to (the API's list, in the order the issue names them). */
export const WEBHOOK_EVENTS = [
  'member.joined',
  'membership.activated',
  'membership.lapsed',
  'membership.cancelled',
  'payment.succeeded',
  'payment.refunded',
  'event.registration.confirmed',
  'event.registration.cancelled',
  'event.attendance.recorded',
  'mentoring.pair.published',
  'certificate.issued',
] as const;
