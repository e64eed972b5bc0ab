import { Alert, Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { AccountSessionsDocument, AccountSignOutEverywhereDocument } from './account.generated.js';
import { readError } from '../../shared/errors/graphql-errors.js';
import { formatDateTime } from '../../shared/formatting/format.js';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states.js';

/** The account's live sessions (newest first) and "sign out everywhere else". */
export function SessionsList() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AccountSessionsDocument, requestPolicy: 'cache-and-network' });
  const [{ fetching: signingOut }, signOutEverywhere] = useMutation(AccountSignOutEverywhereDocument);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);

  const onSignOut = async () => {
    const result = await signOutEverywhere({});
    if (result.error) return setNote({ ok: false, text: readError(result.error).message });
    setNote({ ok: true, text: t('accountPage.signedOutOthers', { count: result.data?.signOutEverywhere ?? 0 }) });
    refetch({ requestPolicy: 'network-only' });
  };

  if (fetching && !data) return <LoadingState />;
  if (error) return <ErrorState error={error} />;
  const sessions = data?.mySessions.edges.map((edge) => edge.node) ?? [];
  return (
    <Stack>
      {sessions.length === 0 ? <EmptyState title={t('accountPage.noSessions')} /> : (
        <List listStyleType="none" spacing="sm" aria-label={t('accountPage.sessionsTitle')}>
          {sessions.map((s) => (
            <List.Item key={s.id}>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={600}>{s.userAgent ?? t('accountPage.unknownDevice')}</Text>
                {s.current ? <Badge variant="light">{t('accountPage.thisSession')}</Badge> : null}
              </Group>
              <Text size="xs" c="dimmed">
                {t('accountPage.sessionSeen', { created: formatDateTime(s.createdAt), used: formatDateTime(s.lastUsedAt) })}
                {s.clientAddress ? ` · ${s.clientAddress}` : ''}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      {note ? <Alert role={note.ok ? 'status' : 'alert'} color={note.ok ? 'green' : 'red'} variant="light">{note.text}</Alert> : null}
      <Button variant="default" color="red" loading={signingOut} onClick={() => void onSignOut()} w="fit-content">
        {t('accountPage.signOutEverywhere')}
      </Button>
    </Stack>
  );
}
