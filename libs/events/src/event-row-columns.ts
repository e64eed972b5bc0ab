import { type EventRow } from './types/event.type.js';

/** Every column an Event is made from: field of EventRow → column of `events`. */
export const EVENT_ROW_COLUMNS = {
  id: 'id', title: 'title', description: 'description', kind: 'kind', format: 'format', status: 'status', startsAt: 'starts_at', endsAt: 'ends_at',
  timezone: 'timezone', venue: 'venue', onlineUrl: 'online_url', capacity: 'capacity', seatsTaken: 'seats_taken', waitlistCount: 'waitlist_count',
  waitlistLimit: 'waitlist_limit', registrationOpensAt: 'registration_opens_at', registrationClosesAt: 'registration_closes_at', memberPriceAmount: 'member_price_amount',
  nonMemberPriceAmount: 'non_member_price_amount', priceCurrency: 'price_currency', membersOnly: 'members_only', cancelledAt: 'cancelled_at', cancelReason: 'cancel_reason',
} satisfies Record<keyof EventRow, string>;
