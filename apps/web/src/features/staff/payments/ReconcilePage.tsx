import { Alert, Anchor, Box, Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { type StaffReconcileReportFieldsFragment, StaffReconcileRunsDocument, StaffReconcileStripeDocument } from './payments-console.generated.js';
import { readError } from '../../../shared/errors/graphql-errors.js';
import { formatDateTime, formatNumber } from '../../../shared/formatting/format.js';
import { Page } from '../../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../../shared/ui/states.js';
import { FinanceOnly } from './FinanceOnly.js';

/** Reconcile with Stripe: run it, read what it found and fixed, and the last runs (by hand or daily). */
export function ReconcilePage() {
  return (
    <FinanceOnly>
      <Reconcile />
    </FinanceOnly>
  );
}

function Reconcile() {
  const { t } = useTranslation();
  const [runs, refetchRuns] = useQuery({ query: StaffReconcileRunsDocument, requestPolicy: 'cache-and-network' });
  const [state, reconcile] = useMutation(StaffReconcileStripeDocument);
  const [report, setReport] = useState<StaffReconcileReportFieldsFragment | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async () => {
    setFailure(null);
    const result = await reconcile({});
    if (result.error) {
      setFailure(readError(result.error).message);
      return;
    }
    setReport(result.data?.reconcileStripe ?? null);
    refetchRuns({ requestPolicy: 'network-only' });
  };

  let history;
  if (runs.fetching && !runs.data) history = <LoadingState />;
  else if (runs.error) history = <ErrorState error={runs.error} />;
  else if (!runs.data?.reconcileRuns.length) history = <EmptyState title={t('staffPayments.reconcile.noRuns')} />;
  else
    history = (
      <Box tabIndex={0} role="group" aria-label={t('staffPayments.reconcile.runsLabel')} style={{ overflowX: 'auto' }}>
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('staffPayments.reconcile.finishedAt')}</Table.Th>
              <Table.Th scope="col">{t('staffPayments.reconcile.by')}</Table.Th>
              <Table.Th scope="col">{t('staffPayments.reconcile.eventsScanned')}</Table.Th>
              <Table.Th scope="col">{t('staffPayments.reconcile.eventsApplied')}</Table.Th>
              <Table.Th scope="col">{t('staffPayments.reconcile.subscriptionsFixed')}</Table.Th>
              <Table.Th scope="col">{t('staffPayments.reconcile.paymentsRecorded')}</Table.Th>
              <Table.Th scope="col">{t('staffPayments.reconcile.failures')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.data.reconcileRuns.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{formatDateTime(r.finishedAt)}</Table.Td>
                <Table.Td>{r.trigger === 'SCHEDULED' ? t('staffPayments.reconcile.daily') : (r.actorName ?? t('staffPayments.payment.system'))}</Table.Td>
                <Table.Td>{formatNumber(r.report.eventsScanned)}</Table.Td>
                <Table.Td>{formatNumber(r.report.eventsApplied)}</Table.Td>
                <Table.Td>{formatNumber(r.report.subscriptionsFixed)}</Table.Td>
                <Table.Td>{formatNumber(r.report.paymentsRecorded)}</Table.Td>
                <Table.Td>{formatNumber(r.report.failures)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
    );

  return (
    <Page title={t('staffPayments.reconcile.title')}>
      <Anchor component={Link} to="/staff/payments">{t('staffPayments.payment.back')}</Anchor>
      <Text>{t('staffPayments.reconcile.intro')}</Text>
      <Group>
        <Button onClick={() => void run()} loading={state.fetching}>{t('staffPayments.reconcile.run')}</Button>
      </Group>
      {failure && (
        <Alert role="alert" color="red" variant="light" title={t('staffPayments.reconcile.failed')}>
          {failure}
        </Alert>
      )}
      {report && <ReportCard report={report} />}
      <Box component="section" aria-labelledby="reconcile-runs">
        <Title order={2} size="h3" id="reconcile-runs" mb="sm">{t('staffPayments.reconcile.lastRuns')}</Title>
        {history}
      </Box>
    </Page>
  );
}

function ReportCard({ report }: { report: StaffReconcileReportFieldsFragment }) {
  const { t } = useTranslation();
  const matched = report.eventsScanned - report.eventsApplied;
  const rows: Array<[string, number]> = [
    [t('staffPayments.reconcile.eventsMatched'), matched],
    [t('staffPayments.reconcile.eventsMissingHere'), report.eventsApplied],
    [t('staffPayments.reconcile.subscriptionsChecked'), report.subscriptionsChecked],
    [t('staffPayments.reconcile.subscriptionsFixed'), report.subscriptionsFixed],
    [t('staffPayments.reconcile.paymentsRecorded'), report.paymentsRecorded],
    [t('staffPayments.reconcile.refundsSettled'), report.refundsSettled],
    [t('staffPayments.reconcile.billingStopped'), report.billingStopped],
    [t('staffPayments.reconcile.failures'), report.failures],
  ];
  return (
    <Card withBorder component="section" aria-labelledby="reconcile-report">
      <Stack gap="sm">
        <Title order={2} size="h3" id="reconcile-report">{t('staffPayments.reconcile.report')}</Title>
        <Text size="sm">{t('staffPayments.reconcile.since', { since: formatDateTime(report.since) })}</Text>
        <Table withTableBorder>
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th scope="row">{label}</Table.Th>
                <Table.Td>{formatNumber(value)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Title order={3} size="h4">{t('staffPayments.reconcile.fixes')}</Title>
        {report.fixes.length === 0 ? (
          <Text size="sm">{t('staffPayments.reconcile.nothingFixed')}</Text>
        ) : (
          <List size="sm">
            {report.fixes.map((fix, i) => (
              <List.Item key={i}>{fix}</List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Card>
  );
}
