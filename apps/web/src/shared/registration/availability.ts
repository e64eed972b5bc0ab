/** What an event's seats and waitlist leave for a newcomer: the API's rule (WaitlistService) as the page shows it. */
export type Availability = 'seat' | 'waitlist' | 'soldOut';

export function availability(event: { seatsRemaining: number | null; waitlistCount: number; waitlistLimit: number | null }): Availability {
  if (event.seatsRemaining === null || event.seatsRemaining > 0) return 'seat';
  return event.waitlistLimit === null || event.waitlistCount < event.waitlistLimit ? 'waitlist' : 'soldOut';
}
