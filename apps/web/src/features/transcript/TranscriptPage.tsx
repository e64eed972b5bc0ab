import { Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { TranscriptPageDocument, type TranscriptPageQuery } from '../../shared/api/generated/graphql.js';
import { downloadWithToken } from '../../shared/files/download.js';
import { formatDate, formatNumber } from '../../shared/formatting/format.js';
import { RequireAuth } from '../../shared/session/guards.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { Page } from '../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states.js';
import { CreditsChart } from './CreditsChart.js';
import { creditsByMonth } from './credits-by-month.js';

type Transcript = TranscriptPageQuery['myTranscript'];

/** The member's CE credits: the total, by category, a chart over time, each activity, and the PDF. */
export function TranscriptPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('transcript.title')}>
      <RequireAuth>
        <TranscriptContent />
      </RequireAuth>
    </Page>
  );
}

function TranscriptContent() {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: TranscriptPageDocument });
  if (fetching && !data) return <LoadingState />;
  if (error) return <ErrorState error={error} />;
  if (!data) return null;
  const transcript = data.myTranscript;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Text size="xl" fw={700}>{t('transcript.total', { credits: formatNumber(transcript.totalCredits) })}</Text>
        <DownloadButton />
      </Group>
      {transcript.entries.length === 0 ? <EmptyState title={t('transcript.empty')}>{t('transcript.emptyHint')}</EmptyState> : <TranscriptDetails transcript={transcript} />}
    </Stack>
  );
}

function DownloadButton() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const download = async () => {
    setAlert(null);
    setBusy(true);
    try {
      await downloadWithToken('/transcript.pdf', 'transcript.pdf');
    } catch {
      setAlert(t('transcript.downloadFailed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs">
      <Button variant="light" loading={busy} onClick={() => void download()}>{t('transcript.download')}</Button>
      <FormAlert message={alert} />
    </Stack>
  );
}

function TranscriptDetails({ transcript }: { transcript: Transcript }) {
  const { t } = useTranslation();
  const months = useMemo(() => creditsByMonth(transcript.entries), [transcript.entries]);
  return (
    <>
      <Card withBorder component="section" aria-labelledby="transcript-categories">
        <Title order={2} size="h4" id="transcript-categories" mb="sm">{t('transcript.byCategory')}</Title>
        <Table>
          <Table.Thead>
            <Table.Tr><Table.Th>{t('transcript.category')}</Table.Th><Table.Th ta="right">{t('transcript.credits')}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {transcript.byCategory.map((row) => (
              <Table.Tr key={row.category}><Table.Td>{row.category}</Table.Td><Table.Td ta="right">{formatNumber(row.credits)}</Table.Td></Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder component="section" aria-labelledby="transcript-over-time">
        <Title order={2} size="h4" id="transcript-over-time" mb="sm">{t('transcript.overTime')}</Title>
        <CreditsChart months={months} />
      </Card>
      <Card withBorder component="section" aria-labelledby="transcript-activities">
        <Title order={2} size="h4" id="transcript-activities" mb="sm">{t('transcript.activities')}</Title>
        <Table.ScrollContainer minWidth={520}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('transcript.date')}</Table.Th>
                <Table.Th>{t('transcript.activity')}</Table.Th>
                <Table.Th>{t('transcript.category')}</Table.Th>
                <Table.Th ta="right">{t('transcript.credits')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {transcript.entries.map((entry, index) => (
                <Table.Tr key={`${entry.source}-${entry.date}-${index}`}>
                  <Table.Td>{formatDate(entry.date)}</Table.Td>
                  <Table.Td>{entry.title}</Table.Td>
                  <Table.Td>{entry.category ?? t('transcript.noCategory')}</Table.Td>
                  <Table.Td ta="right">{formatNumber(entry.credits)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {transcript.entriesTruncated ? <Text size="sm" c="dimmed" mt="sm">{t('transcript.truncated', { count: transcript.entries.length })}</Text> : null}
      </Card>
    </>
  );
}
