import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { StaffCheckInByNameDocument, StaffCheckInRegistrationDocument, type StaffCheckInByNameQuery } from '../events-console.generated.js';
import { FormAlert } from '../../../../shared/ui/forms/FormAlert.js';
import { useActionError } from '../../../../shared/ui/forms/useActionError.js';
import { EmptyState, ErrorState, LoadingState } from '../../../../shared/ui/states.js';

type Person = StaffCheckInByNameQuery['eventRegistrationsByName']['edges'][number]['node'];

/**
 * Check in by name: the event's registrants whose name holds every word typed (20 at a time), each
 * with what the door may do: check in, already checked in (this session), or not confirmed.
 */
export function NameSearch({ eventId, sessionId, needsSession, onCheckedIn }: { eventId: string; sessionId: string | null; needsSession: boolean; onCheckedIn: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState<string | null>(null);
  const [after, setAfter] = useState<string | undefined>(undefined);
  const form = useForm({ initialValues: { name: '' }, validate: { name: (v) => (v.trim().length >= 2 ? null : t('staffEvents.byName.tooShort')) } });
  const [found, refresh] = useQuery({
    query: StaffCheckInByNameDocument,
    variables: { eventId, name: name ?? '', after },
    pause: name === null,
    requestPolicy: 'network-only',
  });

  let results = null;
  if (name !== null) {
    if (found.fetching && !found.data) results = <LoadingState />;
    else if (found.error) results = <ErrorState error={found.error} />;
    else if (found.data && !found.data.eventRegistrationsByName.edges.length) results = <EmptyState title={t('staffEvents.byName.none')} />;
    else if (found.data) {
      const { edges, pageInfo, totalCount } = found.data.eventRegistrationsByName;
      results = (
        <Stack gap="xs" component="section" aria-label={t('staffEvents.byName.results')}>
          <Text size="sm" c="dimmed">{t('staffEvents.byName.count', { count: totalCount })}</Text>
          {edges.map(({ node }) => (
            <PersonRow key={node.id} person={node} sessionId={sessionId} needsSession={needsSession} onCheckedIn={() => { onCheckedIn(); refresh({ requestPolicy: 'network-only' }); }} />
          ))}
          <Group>
            {after ? <Button variant="default" onClick={() => setAfter(undefined)}>{t('staffEvents.byName.firstPage')}</Button> : null}
            {pageInfo.hasNextPage && pageInfo.endCursor ? <Button variant="default" onClick={() => setAfter(pageInfo.endCursor ?? undefined)}>{t('staffEvents.byName.more')}</Button> : null}
          </Group>
        </Stack>
      );
    }
  }

  return (
    <Stack>
      <form
        role="search"
        noValidate
        onSubmit={form.onSubmit(({ name: typed }) => {
          setAfter(undefined);
          setName(typed.trim());
        })}
      >
        <Group align="flex-end" wrap="nowrap">
          <TextInput label={t('staffEvents.byName.label')} autoComplete="off" style={{ flex: 1 }} {...form.getInputProps('name')} />
          <Button type="submit" variant="light">{t('staffEvents.byName.search')}</Button>
        </Group>
      </form>
      {results}
    </Stack>
  );
}

function PersonRow({ person, sessionId, needsSession, onCheckedIn }: { person: Person; sessionId: string | null; needsSession: boolean; onCheckedIn: () => void }) {
  const { t } = useTranslation();
  const [checking, checkIn] = useMutation(StaffCheckInRegistrationDocument);
  const { alert, clearAlert, showError } = useActionError();
  const attended = (sessionIdToCheck: string | null) =>
    sessionIdToCheck ? person.attendance.some((a) => a.session.id === sessionIdToCheck) : person.attendance.length > 0;
  let state;
  if (person.status !== 'CONFIRMED') state = <Text size="sm" fw={600}>{t('staffEvents.byName.notConfirmed')}</Text>;
  else if (attended(needsSession ? sessionId : null)) state = <Text size="sm" fw={600}>{t('staffEvents.byName.already')}</Text>;
  else {
    state = (
      <Button
        size="sm"
        loading={checking.fetching}
        disabled={needsSession && !sessionId}
        aria-label={t('staffEvents.byName.checkInWho', { name: person.user.fullName })}
        onClick={async () => {
          clearAlert();
          const result = await checkIn({ registrationId: person.id, sessionId: needsSession ? sessionId : null });
          if (result.error) showError(result.error);
          else onCheckedIn();
        }}
      >
        {t('staffEvents.byName.checkIn')}
      </Button>
    );
  }
  return (
    <Paper withBorder p="xs">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{person.user.fullName}</Text>
        {state}
      </Group>
      <FormAlert message={alert} />
    </Paper>
  );
}
