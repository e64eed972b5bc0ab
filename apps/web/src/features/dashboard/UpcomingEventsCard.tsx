import { Anchor, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardPageQuery } from './dashboard.generated.js';
import { formatDateTime, formatEventTime } from '../../shared/formatting/format.js';
import { EmptyState } from '../../shared/ui/states.js';
import { DashboardCard } from './DashboardCard.js';
import { LINKS } from './dashboard-links.js';

type Registration = DashboardPageQuery['myRegistrations']['edges'][number]['node'];

/** The next events the member registered for, with what each waits for (payment, an offer, the waitlist). */
export function UpcomingEventsCard({ registrations }: { registrations: Registration[] }) {
  const { t } = useTranslation();
  const live = registrations.filter((r) => r.status !== 'CANCELLED');
  return (
    <DashboardCard id="dashboard-events" title={t('dashboard.eventsTitle')}>
      {live.length === 0 ? <EmptyState title={t('dashboard.noEvents')} /> : (
        <List listStyleType="none" spacing="sm">
          {live.map((registration) => {
            const time = formatEventTime(registration.event.startsAt, registration.event.timezone);
            return (
              <List.Item key={registration.id}>
                <Stack gap={2}>
                  <Text fw={600}>{registration.event.title}</Text>
                  <Text size="sm">{time.event}</Text>
                  {time.viewer ? <Text size="xs" c="dimmed">{t('dashboard.yourTime', { time: time.viewer })}</Text> : null}
                  <RegistrationStep registration={registration} />
                </Stack>
              </List.Item>
            );
          })}
        </List>
      )}
      <Anchor component={Link} to={LINKS.myEvents} size="sm">{t('dashboard.allMyEvents')}</Anchor>
    </DashboardCard>
  );
}

function RegistrationStep({ registration }: { registration: Registration }) {
  const { t } = useTranslation();
  if (registration.status === 'OFFERED' && registration.offerExpiresAt) {
    return <Text size="sm" fw={600}>{t('dashboard.offerUntil', { date: formatDateTime(registration.offerExpiresAt) })}</Text>;
  }
  if (registration.status === 'PENDING_PAYMENT' && registration.holdExpiresAt) {
    return <Text size="sm" fw={600}>{t('dashboard.payEventBy', { date: formatDateTime(registration.holdExpiresAt) })}</Text>;
  }
  if (registration.status === 'WAITLISTED' && registration.waitlistPosition) {
    return <Text size="sm">{t('dashboard.waitlisted', { position: registration.waitlistPosition })}</Text>;
  }
  return null;
}
