import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { NotFoundPage } from '../../not-found/NotFoundPage.js';
import { StaffCreateEventDocument, StaffEventEditDocument, StaffUpdateEventDocument } from './events-console.generated.js';
import { formatNumber } from '../../../shared/formatting/format.js';
import { RequireStaff } from '../../../shared/session/guards.js';
import { Page } from '../../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../../shared/ui/states.js';
import { sectionAt } from '../staff-sections.js';
import { eventFormValues, toEventInput } from './event-form.js';
import { EventForm } from './EventForm.js';
import { EventLifecycle } from './EventLifecycle.js';

const SECTION = sectionAt('/staff/events');

export function NewEventPage() {
  return (
    <RequireStaff fallback={<NotFoundPage />} permissions={SECTION.permissions}>
      <NewEvent />
    </RequireStaff>
  );
}

export function EditEventPage() {
  return (
    <RequireStaff fallback={<NotFoundPage />} permissions={SECTION.permissions}>
      <EditEvent />
    </RequireStaff>
  );
}

/** A new event is saved as a draft, then opened in the editor (where it is published). */
function NewEvent() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [, create] = useMutation(StaffCreateEventDocument);
  return (
    <Page title={t('staffEvents.editor.newTitle')}>
      <EventForm
        initial={eventFormValues()}
        submitLabel={t('staffEvents.editor.create')}
        onSave={async (input) => {
          const result = await create({ input });
          if (result.error || !result.data) return result.error;
          void navigate(`/staff/events/${result.data.createEvent.id}?saved=1`);
          return undefined;
        }}
      />
    </Page>
  );
}

function EditEvent() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [query, refresh] = useQuery({ query: StaffEventEditDocument, variables: { id }, requestPolicy: 'cache-and-network' });
  const [saved, update] = useMutation(StaffUpdateEventDocument);

  if (query.fetching && !query.data) return <LoadingState />;
  if (query.error) return <ErrorState error={query.error} />;
  const event = query.data?.event;
  if (!event) return <EmptyState title={t('staffEvents.editor.notFound')} />;

  return (
    <Page
      title={event.title}
      actions={
        <Group>
          <Badge variant="light" color="dark">{t(`staffEvents.status.${event.status}`)}</Badge>
          <Anchor component={Link} to={`/staff/events/${event.id}/registrations`}>{t('staffEvents.editor.registrations')}</Anchor>
          <Anchor component={Link} to="/staff/events">{t('staffEvents.editor.back')}</Anchor>
        </Group>
      }
    >
      <Paper withBorder p="md">
        <Stack gap={4}>
          <Text size="sm">
            {event.capacity === null
              ? t('staffEvents.list.noLimit')
              : t('staffEvents.list.seatsLeft', { left: formatNumber(event.seatsRemaining ?? 0), capacity: formatNumber(event.capacity) })}
            {' · '}
            {t('staffEvents.editor.waitlist', { count: event.waitlistCount })}
          </Text>
          {event.cancelReason ? <Text size="sm">{t('staffEvents.editor.cancelledBecause', { reason: event.cancelReason })}</Text> : null}
        </Stack>
      </Paper>
      <EventLifecycle eventId={event.id} status={event.status} onChanged={() => refresh({ requestPolicy: 'network-only' })} />
      <div role="status" aria-live="polite">
        {saved.data && !saved.error ? <Text c="green.9" fw={600}>{t('staffEvents.editor.saved')}</Text> : null}
      </div>
      <EventForm
        key={event.id}
        initial={eventFormValues(event)}
        submitLabel={t('staffEvents.editor.save')}
        onSave={async (input) => {
          // Sessions are sent only when changed: the API refuses to replace them once anyone has checked in.
          const unchanged = JSON.stringify(input.sessions) === JSON.stringify(toEventInput(eventFormValues(event)).sessions);
          const result = await update({ id: event.id, input: unchanged ? { ...input, sessions: undefined } : input });
          return result.error;
        }}
      />
    </Page>
  );
}
