import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { EventPageDocument, type EventPageQuery } from '../../shared/api/generated/graphql.js';
import { formatEventTime } from '../../shared/formatting/format.js';
import { useSession } from '../../shared/session/SessionProvider.js';
import { MoneyText } from '../../shared/ui/MoneyText.js';
import { Page } from '../../shared/ui/Page.js';
import { ErrorState, LoadingState } from '../../shared/ui/states.js';
import { ZonedTime } from '../../shared/ui/ZonedTime.js';
import { NotFoundPage } from '../not-found/NotFoundPage.js';
import { SeatsText } from './SeatsText.js';

type EventDetails = NonNullable<EventPageQuery['event']>;

export function EventPage() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: EventPageDocument, variables: { id } });
  if (fetching && !data) return <LoadingState />;
  if (error) return <ErrorState error={error} />;
  if (!data?.event) return <NotFoundPage />;
  return <EventDetailsView event={data.event} />;
}

function EventDetailsView({ event }: { event: EventDetails }) {
  const { t } = useTranslation();
  const totalCredits = event.sessions.reduce((sum, session) => sum + session.ceCredits, 0);
  return (
    <Page title={event.title}>
      <Group gap="xs">
        <Badge variant="light">{t(`events.kind.${event.kind}`)}</Badge>
        <Badge variant="outline" color="gray">{t(`events.format.${event.format}`)}</Badge>
        {event.membersOnly ? <Badge variant="outline">{t('events.membersOnly')}</Badge> : null}
      </Group>
      {event.status === 'CANCELLED' ? (
        <Alert color="red" title={t('events.cancelledTitle')}>{event.cancelReason ?? t('events.cancelledBody')}</Alert>
      ) : null}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder component="section" aria-labelledby="event-when">
          <Stack gap="xs">
            <Title order={2} size="h4" id="event-when">{t('events.whenWhere')}</Title>
            <Text size="sm">
              {t('events.starts')}: <ZonedTime iso={event.startsAt} timeZone={event.timezone} />
            </Text>
            <Text size="sm">
              {t('events.ends')}: <ZonedTime iso={event.endsAt} timeZone={event.timezone} />
            </Text>
            {event.venue ? <Text size="sm">{t('events.venue')}: {event.venue}</Text> : null}
            <div>
              <Button component="a" href={`/events/${event.id}.ics`} variant="default" size="sm" download>
                {t('events.addToCalendar')}
              </Button>
            </div>
          </Stack>
        </Card>
        <Card withBorder component="section" aria-labelledby="event-tickets">
          <Stack gap="xs">
            <Title order={2} size="h4" id="event-tickets">{t('events.tickets')}</Title>
            <Text size="sm">{t('events.memberPrice')}: <MoneyText money={event.memberPrice} /></Text>
            <Text size="sm">{t('events.nonMemberPrice')}: <MoneyText money={event.nonMemberPrice} /></Text>
            <Text size="sm"><SeatsText seatsRemaining={event.seatsRemaining} waitlistCount={event.waitlistCount} /></Text>
            {event.membersOnly ? <Text size="sm" c="dimmed">{t('events.membersOnlyHint')}</Text> : null}
            <RegisterArea event={event} />
          </Stack>
        </Card>
      </SimpleGrid>

      {event.description ? (
        <Text style={{ whiteSpace: 'pre-line' }}>{event.description}</Text>
      ) : null}

      <Stack gap="xs" component="section" aria-labelledby="event-sessions">
        <Title order={2} size="h3" id="event-sessions">{t('events.sessions')}</Title>
        {totalCredits > 0 ? <Text size="sm">{t('events.totalCredits', { count: totalCredits })}</Text> : null}
        <Table.ScrollContainer minWidth={520}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('events.session')}</Table.Th>
                <Table.Th scope="col">{t('events.sessionTime')}</Table.Th>
                <Table.Th scope="col">{t('events.credits')}</Table.Th>
                <Table.Th scope="col">{t('events.category')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {event.sessions.map((session) => (
                <Table.Tr key={session.id}>
                  <Table.Th scope="row" fw={500}>{session.title}</Table.Th>
                  <Table.Td>{sessionTime(session.startsAt, session.endsAt, event.timezone)}</Table.Td>
                  <Table.Td>{session.ceCredits}</Table.Td>
                  <Table.Td>{session.ceCategory ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
      <Anchor component={Link} to="/events">{t('events.backToList')}</Anchor>
    </Page>
  );
}

function sessionTime(startsAt: string, endsAt: string, timeZone: string): string {
  return `${formatEventTime(startsAt, timeZone).event} – ${formatEventTime(endsAt, timeZone).event}`;
}

/**
 * Visitors are asked to log in first (and come back here). Signed-in people see their registration
 * when they have one; registering itself is the member's events page's work.
 */
function RegisterArea({ event }: { event: EventDetails }) {
  const { t } = useTranslation();
  const { session } = useSession();
  if (event.status !== 'PUBLISHED') return null;
  if (!session) {
    return (
      <div>
        <Button component={Link} to={`/login?next=${encodeURIComponent(`/events/${event.id}`)}`}>{t('events.logInToRegister')}</Button>
      </div>
    );
  }
  const registration = event.myRegistration;
  if (!registration || registration.status === 'CANCELLED') return null;
  return (
    <Text size="sm" fw={600} role="status">
      {registration.status === 'WAITLISTED' && registration.waitlistPosition
        ? t('events.yourWaitlistPosition', { position: registration.waitlistPosition })
        : t(`events.registration.${registration.status}`)}
    </Text>
  );
}
