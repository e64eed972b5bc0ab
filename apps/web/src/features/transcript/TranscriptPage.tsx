import { Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { TranscriptPageDocument, type TranscriptPageQuery } from './transcript.generated.js';
import { downloadWithToken } from '../../shared/files/download.js';
import { formatDate, formatNumber } from '../../shared/formatting/format.js';
import { RequireAuth } from '../../shared/session/guards.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { Page } from '../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states.js';
import { CreditsChart } from './CreditsChart.js';
import { creditsByMonth } from './credits-by-month.js';
import { parseDay, pdfUrl, periodBounds, periodFromSearch, type TranscriptPeriod } from './transcript-period.js';

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
  const [search, setSearch] = useSearchParams();
  // The form's own state is the truth and the address mirrors it: two quick changes in a row (From,
  // then To) both stay, which edits of the address alone did not guarantee (the second was computed
  // from the address before the first had landed).
  const [period, setPeriodState] = useState<TranscriptPeriod>(() => periodFromSearch(search));
  const { from, to } = period;
  useEffect(() => {
    const shown = periodFromSearch(search);
    if (shown.from === from && shown.to === to) return;
    const params = new URLSearchParams(search);
    for (const [key, value] of Object.entries({ from, to })) {
      if (value) params.set(key, value);
      else params.delete(key);
    }
    setSearch(params, { replace: true });
  }, [from, to, search, setSearch]);
  const variables = useMemo(() => periodBounds({ from, to }), [from, to]);
  // An end before the start is said beside the field; nothing is asked until it is put right.
  const wrongOrder = Boolean(from && to && from > to);
  const [{ data, fetching, error }] = useQuery({ query: TranscriptPageDocument, variables, pause: wrongOrder });
  const setPeriod = (next: Partial<TranscriptPeriod>) => setPeriodState((current) => ({ ...current, ...next }));
  const filtered = Boolean(period.from || period.to);
  const transcript = wrongOrder ? undefined : data?.myTranscript;
  return (
    <Stack gap="lg">
      <PeriodForm period={period} wrongOrder={wrongOrder} onChange={setPeriod} />
      {fetching && !data ? <LoadingState /> : null}
      {error && !wrongOrder ? <ErrorState error={error} /> : null}
      {transcript ? (
        <>
          <Group justify="space-between" align="flex-end">
            <Text size="xl" fw={700} role="status">
              {filtered ? t('transcript.totalInPeriod', { credits: formatNumber(transcript.totalCredits) }) : t('transcript.total', { credits: formatNumber(transcript.totalCredits) })}
            </Text>
            <DownloadButton period={period} />
          </Group>
          {transcript.entries.length === 0 ? (
            <EmptyState title={filtered ? t('transcript.emptyInPeriod') : t('transcript.empty')}>{filtered ? t('transcript.emptyInPeriodHint') : t('transcript.emptyHint')}</EmptyState>
          ) : (
            <TranscriptDetails transcript={transcript} />
          )}
        </>
      ) : null}
    </Stack>
  );
}

/** From and to (calendar days, both included), kept in the address so the view can be shared and reloaded. */
function PeriodForm({ period, wrongOrder, onChange }: { period: TranscriptPeriod; wrongOrder: boolean; onChange: (change: Partial<TranscriptPeriod>) => void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder component="section" aria-labelledby="transcript-period">
      <Stack gap="xs">
        <Title order={2} size="h4" id="transcript-period">{t('transcript.period')}</Title>
        <Group align="flex-end" gap="sm">
          <TextInput
            type="date"
            label={t('transcript.from')}
            value={period.from ?? ''}
            onChange={(e) => onChange({ from: parseDay(e.currentTarget.value) })}
            max={period.to ?? undefined}
          />
          <TextInput
            type="date"
            label={t('transcript.to')}
            value={period.to ?? ''}
            onChange={(e) => onChange({ to: parseDay(e.currentTarget.value) })}
            min={period.from ?? undefined}
            error={wrongOrder ? t('transcript.toBeforeFrom') : undefined}
          />
          {period.from || period.to ? (
            <Button variant="subtle" onClick={() => onChange({ from: null, to: null })}>{t('transcript.allTime')}</Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}

function DownloadButton({ period }: { period: TranscriptPeriod }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const download = async () => {
    setAlert(null);
    setBusy(true);
    try {
      await downloadWithToken(pdfUrl(period), 'transcript.pdf');
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
