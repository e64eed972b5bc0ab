import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { EventPageDocument, type EventPageQuery } from './events.generated.js';
import { formatEventTime } from '../../shared/formatting/format.js';
import { useSession } from '../../shared/session/SessionProvider.js';
import { RegisterPanel } from '../../shared/registration/RegisterPanel.js';
import { MoneyText } from '../../shared/ui/MoneyText.js';
import { Page } from '../../shared/ui/Page.js';
import { ErrorState, LoadingState } from '../../shared/ui/states.js';
import { ZonedTime } from '../../shared/ui/ZonedTime.js';
import { NotFoundPage } from '../not-found/NotFoundPage.js';
import { SeatsText } from './SeatsText.js';

type EventDetails = NonNullable<EventPageQuery['event']>;

export function EventPage() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: EventPageDocument, variables: { id } });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  if (fetching && !data) return <LoadingState />;
  if (error) return <ErrorState error={error} />;
  if (!data?.event) return <NotFoundPage />;
  return <EventDetailsView event={data.event} onChanged={refresh} />;
}

function EventDetailsView({ event, onChanged }: { event: EventDetails; onChanged: () => void }) {
  const { t } = useTranslation();
  const totalCredits = event.sessions.reduce((sum, session) => sum + session.ceCredits, 0);
  return (
    <Page title={event.title}>
      <Group gap="xs">
        <Badge variant="light">{t(`events.kind.${event.kind}`)}</Badge>
        <Badge variant="outline" color="gray">{t(`events.format.${event.format}`)}</Badge>
        {event.membersOnly ? <Badge variant="outline">{t('events.membersOnly')}</Badge> : null}
      </Group>
      <PaymentReturn event={event} onChanged={onChanged} />
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
            <Text size="sm"><SeatsText seatsRemaining={event.seatsRemaining} waitlistCount={event.waitlistCount} waitlistLimit={event.waitlistLimit} /></Text>
            {event.membersOnly ? <Text size="sm" c="dimmed">{t('events.membersOnlyHint')}</Text> : null}
            <RegisterArea event={event} onChanged={onChanged} />
          </Stack>
        </Card>
      </SimpleGrid>

      {event.description ? (
        <Text style={{ whiteSpace: 'pre-line' }}>{event.description}</Text>
      ) : null}

      <Stack gap="xs" component="section" aria-labelledby="event-sessions">
        <Title order={2} size="h3" id="event-sessions">{t('events.sessions')}</Title>
        {totalCredits > 0 ? <Text size="sm">{t('events.totalCredits', { count: totalCredits })}</Text> : null}
        {/* Scrolls sideways on a phone: focusable so that the keyboard can scroll it too. */}
        <Table.ScrollContainer minWidth={520} type="native" tabIndex={0} role="group" aria-labelledby="event-sessions">
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
 * Visitors are asked to log in first (and come back here). Signed-in people register here (a seat,
 * the Stripe payment page, or the waitlist) or see their registration and what they can do with it.
 */
function RegisterArea({ event, onChanged }: { event: EventDetails; onChanged: () => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  if (!session) {
    if (event.status !== 'PUBLISHED') return null;
    return (
      <div>
        <Button component={Link} to={`/login?next=${encodeURIComponent(`/events/${event.id}`)}`}>{t('events.logInToRegister')}</Button>
      </div>
    );
  }
  return <RegisterPanel event={event} onRegistered={onChanged} showSummary={false} />;
}

const CONFIRMATION_POLL_MS = 2000;

/**
 * Back from Stripe Checkout (`?registration=…&paid=1`): the payment is received; the seat is
 * confirmed once the API has Stripe's word for it, so the page asks again until it is.
 */
function PaymentReturn({ event, onChanged }: { event: EventDetails; onChanged: () => void }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const registration = event.myRegistration;
  const returned = params.get('paid') === '1' && registration !== null && registration.id === params.get('registration');
  const waiting = returned && registration.status === 'PENDING_PAYMENT';
  useEffect(() => {
    if (!waiting) return undefined;
    const timer = window.setInterval(onChanged, CONFIRMATION_POLL_MS);
    return () => window.clearInterval(timer);
  }, [waiting, onChanged]);
  if (!returned) return null;
  if (registration.status === 'CONFIRMED') {
    return (
      <Alert color="green" title={t('events.paid.title')} role="status">{t('events.paid.confirmed')}</Alert>
    );
  }
  if (waiting) {
    return (
      <Alert color="blue" title={t('events.paid.title')} role="status">{t('events.paid.confirming')}</Alert>
    );
  }
  return null;
}
