import { Alert, Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { NotFoundPage } from '../not-found/NotFoundPage.js';
import { type CheckInOutcome, StaffCheckInCountsDocument, StaffCheckInEventsDocument, StaffCheckInTicketDocument } from './staff.generated.js';
import { formatEventTime } from '../../shared/formatting/format.js';
import { RequireStaff } from '../../shared/session/guards.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useApiErrors } from '../../shared/ui/forms/useApiErrors.js';
import { Page } from '../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states.js';
import { sectionAt } from './staff-sections.js';
import { NameSearch } from './events/check-in/NameSearch.js';
import { ScanTicket } from './events/check-in/ScanTicket.js';

/** How often the counts are asked again while the screen is open (door staff share an event). */
const COUNTS_EVERY_MS = 5_000;
const SECTION = sectionAt('/staff/check-in');
/** Events still running or starting from two days ago: the door may open before the day and close after it. */
const recentStart = () => new Date(Date.now() - 2 * 86_400_000).toISOString();

/** The door: pick the event (and session), type or scan the ticket code, see the answer and the counts. */
export function CheckInPage() {
  return (
    <RequireStaff fallback={<NotFoundPage />} permissions={SECTION.permissions}>
      <CheckIn />
    </RequireStaff>
  );
}

function CheckIn() {
  const { t } = useTranslation();
  const [from] = useState(recentStart);
  const [events] = useQuery({ query: StaffCheckInEventsDocument, variables: { from } });
  const [eventId, setEventId] = useState<string | null>(null);

  let body;
  if (events.fetching && !events.data) body = <LoadingState />;
  else if (events.error) body = <ErrorState error={events.error} />;
  else if (!events.data?.events.edges.length) body = <EmptyState title={t('staff.checkIn.noEvents')} />;
  else {
    const options = events.data.events.edges.map(({ node }) => ({
      value: node.id,
      label: `${node.title} · ${formatEventTime(node.startsAt, node.timezone).event}`,
    }));
    body = (
      <Stack>
        <Select label={t('staff.checkIn.event')} data={options} value={eventId} onChange={setEventId} searchable allowDeselect={false} />
        {eventId ? <Door key={eventId} eventId={eventId} /> : null}
      </Stack>
    );
  }
  return <Page title={t('staff.checkIn.title')}>{body}</Page>;
}

const OUTCOME_COLOR: Record<CheckInOutcome, string> = { CHECKED_IN: 'green', ALREADY_CHECKED_IN: 'yellow', WRONG_EVENT: 'red', NOT_CONFIRMED: 'red' };
/** The colour is a cue only; the words say the outcome, in the text colour (green or yellow text on their light tint fails WCAG AA). */
const OUTCOME_TEXT = { title: { color: 'var(--mantine-color-text)' } };

function Door({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const [counts, refreshCounts] = useQuery({ query: StaffCheckInCountsDocument, variables: { eventId }, requestPolicy: 'network-only' });
  const [{ fetching }, checkIn] = useMutation(StaffCheckInTicketDocument);
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [answer, setAnswer] = useState<{ outcome: CheckInOutcome; name: string } | null>(null);
  const form = useForm({
    initialValues: { code: '' },
    validate: { code: (value) => (/^[A-Z0-9]{10}$/.test(value.trim().toUpperCase()) ? null : t('staff.checkIn.codeInvalid')) },
  });
  const { alert, clearAlert, showError } = useApiErrors(form);

  useEffect(() => {
    const timer = setInterval(() => refreshCounts({ requestPolicy: 'network-only' }), COUNTS_EVERY_MS);
    return () => clearInterval(timer);
  }, [refreshCounts]);

  const sessions = counts.data?.eventCheckInCounts.sessions ?? [];
  const chosenSession = sessions.length > 1 ? sessionId : null;

  /** A typed code and a scanned one take the same path. */
  const checkCode = async (code: string) => {
    clearAlert();
    setAnswer(null);
    const result = await checkIn({ eventId, code: code.trim().toUpperCase(), sessionId: chosenSession });
    if (result.error || !result.data) {
      if (result.error) showError(result.error);
      return;
    }
    const { outcome, registration } = result.data.checkInTicket;
    setAnswer({ outcome, name: registration.user.fullName });
    form.setFieldValue('code', '');
    refreshCounts({ requestPolicy: 'network-only' });
  };
  const submit = form.onSubmit(({ code }) => checkCode(code));

  return (
    <Stack>
      {sessions.length > 1 ? (
        <Select
          label={t('staff.checkIn.session')}
          data={sessions.map((s) => ({ value: s.sessionId, label: s.title }))}
          value={sessionId}
          onChange={setSessionId}
          allowDeselect={false}
        />
      ) : null}
      <ScanTicket onCode={(code) => void checkCode(code)} />
      <Paper withBorder p="md">
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormAlert message={alert} />
            <TextInput
              label={t('staff.checkIn.code')}
              description={t('staff.checkIn.codeHint')}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              required
              {...form.getInputProps('code')}
            />
            <Button type="submit" loading={fetching} disabled={sessions.length > 1 && !sessionId}>
              {t('staff.checkIn.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <div role="status" aria-live="polite">
        {answer ? (
          <Alert color={OUTCOME_COLOR[answer.outcome]} variant="light" title={t(`staff.checkIn.outcome.${answer.outcome}`)} styles={OUTCOME_TEXT}>
            {answer.name}
          </Alert>
        ) : null}
      </div>
      <NameSearch eventId={eventId} sessionId={chosenSession} needsSession={sessions.length > 1} onCheckedIn={() => refreshCounts({ requestPolicy: 'network-only' })} />
      {counts.data ? (
        <Stack gap={4} aria-label={t('staff.checkIn.countsLabel')} component="section">
          {sessions.map((s) => (
            <Group key={s.sessionId} justify="space-between" wrap="nowrap">
              <Text size="sm">{s.title}</Text>
              <Text size="sm" fw={600}>
                {t('staff.checkIn.counts', { checkedIn: s.checkedIn, confirmed: counts.data!.eventCheckInCounts.confirmed })}
              </Text>
            </Group>
          ))}
        </Stack>
      ) : counts.error ? (
        <ErrorState error={counts.error} />
      ) : null}
    </Stack>
  );
}
