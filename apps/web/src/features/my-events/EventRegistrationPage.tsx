import { Anchor, Card, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { EventRegistrationDocument } from './my-events.generated.js';
import { RequireAuth } from '../../shared/session/guards.js';
import { Page } from '../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states.js';
import { EventTime } from './EventTime.js';
import { RegisterPanel } from '../../shared/registration/RegisterPanel.js';
import { PlaceSpaceLink } from '../../shared/discussions/PlaceSpaceLink.js';

/** One event as its registrant sees it: when, the prices and seats, and registering or the registration. */
export function EventRegistrationPage() {
  const { t } = useTranslation();
  return (
    <RequireAuth>
      <EventRegistration key={useParams().eventId} fallbackTitle={t('myEvents.eventTitle')} />
    </RequireAuth>
  );
}

function EventRegistration({ fallbackTitle }: { fallbackTitle: string }) {
  const { t } = useTranslation();
  const { eventId = '' } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: EventRegistrationDocument, variables: { id: eventId } });
  const event = data?.event;
  return (
    <Page title={event?.title ?? fallbackTitle}>
      {fetching && !data ? <LoadingState /> : null}
      {error ? <ErrorState error={error} /> : null}
      {data && !event ? <EmptyState title={t('myEvents.noSuchEvent')} /> : null}
      {event ? (
        <Card withBorder>
          <Stack>
            <EventTime startsAt={event.startsAt} timezone={event.timezone} />
            <RegisterPanel event={event} onRegistered={() => reexecute({ requestPolicy: 'network-only' })} />
            {/* The event's space is for confirmed registrants: asking otherwise would answer FORBIDDEN, and the
                normalized cache would null this page's event with it. */}
            {event.myRegistration?.status === 'CONFIRMED' ? <PlaceSpaceLink place="EVENT" id={event.id} /> : null}
          </Stack>
        </Card>
      ) : null}
      <Anchor component={Link} to="/my-events">{t('myEvents.backToList')}</Anchor>
    </Page>
  );
}
