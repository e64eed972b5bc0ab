import { Anchor, Box, Button, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { StaffDuesReportDocument } from './payments-console.generated.js';
import { formatMoney, formatMonth, formatNumber } from '../../../shared/formatting/format.js';
import { Page } from '../../../shared/ui/Page.js';
import { ErrorState, LoadingState } from '../../../shared/ui/states.js';
import { FinanceOnly } from './FinanceOnly.js';
import { duesReportRange } from './dues-report-range.js';

/** The dues report: collected, refunded and net per currency over whole UTC days (in the address), and by month and tier. */
export function DuesReportPage() {
  return (
    <FinanceOnly>
      <DuesReport />
    </FinanceOnly>
  );
}

function DuesReport() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const range = duesReportRange(params.get('from'), params.get('until'), new Date());
  const [{ data, fetching, error }] = useQuery({ query: StaffDuesReportDocument, variables: { from: range.from, to: range.to } });
  const report = data?.duesReport;

  let body;
  if (fetching && !report) body = <LoadingState />;
  else if (error) body = <ErrorState error={error} />;
  else if (report)
    body = (
      <Stack gap="md">
        <Text size="sm">{t('staffPayments.duesReport.summary', { payments: formatNumber(report.payments), renewals: formatNumber(report.activeAutoRenewals) })}</Text>
        <Box tabIndex={0} role="group" aria-label={t('staffPayments.duesReport.totalsLabel')} style={{ overflowX: 'auto' }}>
          <Table withTableBorder>
            <Table.Caption>{t('staffPayments.duesReport.totalsLabel')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('staffPayments.ledger.currency')}</Table.Th>
                <Table.Th scope="col">{t('staffPayments.duesReport.collected')}</Table.Th>
                <Table.Th scope="col">{t('staffPayments.ledger.refunded')}</Table.Th>
                <Table.Th scope="col">{t('staffPayments.ledger.net')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.collected.map((collected) => {
                const zero = { amount: 0, currency: collected.currency };
                return (
                  <Table.Tr key={collected.currency}>
                    <Table.Th scope="row">{collected.currency}</Table.Th>
                    <Table.Td>{formatMoney(collected)}</Table.Td>
                    <Table.Td>{formatMoney(report.refunded.find((m) => m.currency === collected.currency) ?? zero)}</Table.Td>
                    <Table.Td>{formatMoney(report.net.find((m) => m.currency === collected.currency) ?? zero)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Box>
        <Title order={2} size="h3">{t('staffPayments.duesReport.byMonth')}</Title>
        {report.byTierAndMonth.length === 0 ? (
          <Text size="sm">{t('staffPayments.duesReport.empty')}</Text>
        ) : (
          <Box tabIndex={0} role="group" aria-label={t('staffPayments.duesReport.byMonth')} style={{ overflowX: 'auto' }}>
            <Table withTableBorder striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('staffPayments.duesReport.month')}</Table.Th>
                  <Table.Th scope="col">{t('staffPayments.duesReport.tier')}</Table.Th>
                  <Table.Th scope="col">{t('staffPayments.ledger.payments')}</Table.Th>
                  <Table.Th scope="col">{t('staffPayments.duesReport.collected')}</Table.Th>
                  <Table.Th scope="col">{t('staffPayments.ledger.refunded')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.byTierAndMonth.map((line) => (
                  <Table.Tr key={`${line.month}-${line.tierId}-${line.collected.currency}`}>
                    <Table.Td>{formatMonth(line.month)}</Table.Td>
                    <Table.Td>{line.tierName}</Table.Td>
                    <Table.Td>{formatNumber(line.payments)}</Table.Td>
                    <Table.Td>{formatMoney(line.collected)}</Table.Td>
                    <Table.Td>{formatMoney(line.refunded)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
        )}
      </Stack>
    );

  return (
    <Page title={t('staffPayments.duesReport.title')}>
      <Anchor component={Link} to="/staff/payments">{t('staffPayments.payment.back')}</Anchor>
      <RangeForm key={`${range.fromDay}-${range.untilDay}`} fromDay={range.fromDay} untilDay={range.untilDay} onApply={(from, until) => setParams(new URLSearchParams({ from, until }))} />
      {body}
    </Page>
  );
}

function RangeForm({ fromDay, untilDay, onApply }: { fromDay: string; untilDay: string; onApply: (from: string, until: string) => void }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(fromDay);
  const [until, setUntil] = useState(untilDay);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(from, until);
  };
  return (
    <form onSubmit={submit} aria-label={t('staffPayments.duesReport.rangeLabel')}>
      <Group align="flex-end" wrap="wrap">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('staffPayments.ledger.from')} type="date" value={from} onChange={(event) => setFrom(event.currentTarget.value)} />
          <TextInput label={t('staffPayments.ledger.until')} type="date" value={until} onChange={(event) => setUntil(event.currentTarget.value)} />
        </SimpleGrid>
        <Button type="submit">{t('staffPayments.duesReport.show')}</Button>
      </Group>
    </form>
  );
}
