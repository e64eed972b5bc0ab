import { Box, Button, Card, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { StaffReportFieldsFragment } from '../staff.generated.js';
import { downloadWithToken } from '../../../shared/files/download.js';
import { formatNumber, formatPercent } from '../../../shared/formatting/format.js';
import { FormAlert } from '../../../shared/ui/forms/FormAlert.js';
import { EmptyState, ErrorState, LoadingState } from '../../../shared/ui/states.js';
import type { ReportRange } from './report-period.js';
import { isRateSeries, toReportTable } from './report-table.js';
import { ReportChart } from './ReportChart.js';

export type ReportDocument = TypedDocumentNode<{ report: StaffReportFieldsFragment }, { from: string; to: string }>;

/** One report: its chart, its numbers as a table beside it, and its CSV download for the same range. */
export function ReportCard({ document, range }: { document: ReportDocument; range: ReportRange }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: document, variables: range });
  const report = data?.report;
  const table = useMemo(() => toReportTable(report?.points ?? []), [report]);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);

  if (fetching && !report) return <LoadingState />;
  if (error) return <ErrorState error={error} />;
  if (!report) return null;

  const download = async () => {
    setDownloadError(null);
    setDownloading(true);
    try {
      const query = new URLSearchParams({ from: range.from, to: range.to });
      await downloadWithToken(`/admin/reports/${report.name}.csv?${query}`, `${report.name}-${range.from.slice(0, 10)}-${range.to.slice(0, 10)}.csv`);
    } catch {
      setDownloadError(t('staff.reports.downloadFailed'));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Card withBorder component="section" aria-labelledby={`report-${report.name}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h3" id={`report-${report.name}`}>{report.title}</Title>
            <Text size="sm" c="dimmed">{t('staff.reports.unit', { unit: report.unit })}</Text>
          </div>
          <Button variant="light" onClick={() => void download()} loading={downloading} aria-label={t('staff.reports.downloadWhich', { title: report.title })}>
            {t('staff.reports.download')}
          </Button>
        </Group>
        <FormAlert message={downloadError} />
        {table.rows.length === 0 ? (
          <EmptyState title={t('staff.reports.empty')} />
        ) : (
          <Grid>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <ReportChart title={report.title} table={table} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              {/* Scrolls on its own when long or wide; focusable so that keyboards can scroll it too. */}
              <Box tabIndex={0} role="group" aria-label={t('staff.reports.tableCaption', { title: report.title })} mah={320} style={{ overflow: 'auto' }}>
                <Table striped withTableBorder>
                  <Table.Caption>{t('staff.reports.tableCaption', { title: report.title })}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('staff.reports.period')}</Table.Th>
                      {table.series.map((name) => <Table.Th key={name} scope="col" ta="right">{name}</Table.Th>)}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {table.rows.map((row) => (
                      <Table.Tr key={row.period}>
                        <Table.Th scope="row">{row.period}</Table.Th>
                        {table.series.map((name) => <Table.Td key={name} ta="right">{(isRateSeries(name) ? formatPercent : formatNumber)(row.values[name] ?? 0)}</Table.Td>)}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Box>
            </Grid.Col>
          </Grid>
        )}
      </Stack>
    </Card>
  );
}
