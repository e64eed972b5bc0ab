import { useTranslation } from 'react-i18next';

/** Seats left: none counted (no capacity), some left, or full with the waitlist's length. */
export function SeatsText({ seatsRemaining, waitlistCount }: { seatsRemaining: number | null; waitlistCount?: number }) {
  const { t } = useTranslation();
  if (seatsRemaining === null) return <>{t('events.noSeatLimit')}</>;
  if (seatsRemaining > 0) return <>{t('events.seatsLeft', { count: seatsRemaining })}</>;
  return <>{waitlistCount !== undefined ? t('events.fullWithWaitlist', { count: waitlistCount }) : t('events.full')}</>;
}
