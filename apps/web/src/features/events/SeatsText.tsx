import { useTranslation } from 'react-i18next';
import { availability } from '../../shared/registration/availability.js';

/**
 * Seats left: none counted (no capacity), some left, or full: with the waitlist's length when it is
 * known, and sold out when the waitlist has no room (or the event has none).
 */
export function SeatsText({ seatsRemaining, waitlistCount, waitlistLimit }: { seatsRemaining: number | null; waitlistCount?: number; waitlistLimit?: number | null }) {
  const { t } = useTranslation();
  if (seatsRemaining === null) return <>{t('events.noSeatLimit')}</>;
  if (seatsRemaining > 0) return <>{t('events.seatsLeft', { count: seatsRemaining })}</>;
  if (waitlistCount === undefined) return <>{t('events.full')}</>;
  if (waitlistLimit !== undefined && availability({ seatsRemaining, waitlistCount, waitlistLimit }) === 'soldOut') return <>{t('events.soldOut')}</>;
  return <>{t('events.fullWithWaitlist', { count: waitlistCount })}</>;
}
