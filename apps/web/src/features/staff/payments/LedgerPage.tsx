import { Anchor, Badge, Box, Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { StaffPaymentsLedgerDocument, type StaffPaymentsLedgerQuery } from './payments-console.generated.js';
import { formatDate, formatMoney, formatNumber } from '../../../shared/formatting/format.js';
import { Page } from '../../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../../shared/ui/states.js';
import { KeysetPager } from '../KeysetPager.js';
import { FinanceOnly } from './FinanceOnly.js';
import { methodKey } from './payment-labels.js';
import { type LedgerFilters, ledgerSearch, ledgerVariables, PAYMENT_KINDS, PAYMENT_STATUSES, readLedgerFilters } from './ledger-filters.js';

const PAGE_SIZE = 20;
type Ledger = StaffPaymentsLedgerQuery['payments'];

/** The payments ledger, newest first: filters in the address, totals per currency of every match, keyset paging. */
export function LedgerPage() {
  return (
    <FinanceOnly>
      <LedgerView />
    </FinanceOnly>
  );
}

function LedgerView() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = readLedgerFilters(params);
  const after = params.get('after') ?? undefined;
  const [{ data, fetching, error }] = useQuery({
    query: StaffPaymentsLedgerDocument,
    variables: { first: PAGE_SIZE, after, ...ledgerVariables(filters) },
    requestPolicy: 'cache-and-network',
  });
  const go = (next: LedgerFilters, cursor: string | undefined) => setParams(ledgerSearch(next, cursor));
  const filterKey = Object.values(filters).join('\n');
  const ledger = data?.payments;

  let body;
  if (fetching && !ledger) body = <LoadingState />;
  else if (error) body = <ErrorState error={error} />;
  else if (!ledger?.edges.length) body = <EmptyState title={t('staffPayments.ledger.empty')} />;
  else
    body = (
      <Stack gap="sm">
        <Totals ledger={ledger} />
        <Text size="sm" aria-live="polite">{t('staffPayments.ledger.count', { count: ledger.totalCount, total: formatNumber(ledger.totalCount) })}</Text>
        <LedgerTable ledger={ledger} />
        <KeysetPager key={filterKey} after={after} endCursor={ledger.pageInfo.endCursor} hasNextPage={ledger.pageInfo.hasNextPage} onGo={(cursor) => go(filters, cursor)} />
      </Stack>
    );

  const person = filters.person ? ledger?.edges[0]?.node.user : undefined;
  return (
    <Page title={t('staffPayments.ledger.title')}>
      <Group gap="md">
        <Anchor component={Link} to="/staff/payments/offline">{t('staffPayments.offline.title')}</Anchor>
        <Anchor component={Link} to="/staff/payments/reconcile">{t('staffPayments.reconcile.title')}</Anchor>
        <Anchor component={Link} to="/staff/payments/dues-report">{t('staffPayments.duesReport.title')}</Anchor>
      </Group>
      <LedgerFilterForm key={filterKey} initial={filters} onApply={(next) => go(next, undefined)} />
      {filters.person && (
        <Group gap="sm">
          <Text size="sm">{person ? t('staffPayments.ledger.personShown', { name: person.fullName, email: person.email }) : t('staffPayments.ledger.personShownUnknown')}</Text>
          <Button size="xs" variant="default" onClick={() => go({ ...filters, person: '' }, undefined)}>{t('staffPayments.ledger.everyone')}</Button>
        </Group>
      )}
      {body}
    </Page>
  );
}

function Totals({ ledger }: { ledger: Ledger }) {
  const { t } = useTranslation();
  return (
    <Box tabIndex={0} role="group" aria-label={t('staffPayments.ledger.totalsLabel')} style={{ overflowX: 'auto' }}>
      <Table withTableBorder>
        <Table.Caption>{t('staffPayments.ledger.totalsCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('staffPayments.ledger.currency')}</Table.Th>
            <Table.Th scope="col">{t('staffPayments.ledger.payments')}</Table.Th>
            <Table.Th scope="col">{t('staffPayments.ledger.received')}</Table.Th>
            <Table.Th scope="col">{t('staffPayments.ledger.refunded')}</Table.Th>
            <Table.Th scope="col">{t('staffPayments.ledger.net')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ledger.totals.map((total) => (
            <Table.Tr key={total.currency}>
              <Table.Th scope="row">{total.currency}</Table.Th>
              <Table.Td>{formatNumber(total.payments)}</Table.Td>
              <Table.Td>{formatMoney(total.amount)}</Table.Td>
              <Table.Td>{formatMoney(total.refunded)}</Table.Td>
              <Table.Td>{formatMoney(total.net)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

function LedgerTable({ ledger }: { ledger: Ledger }) {
  const { t } = useTranslation();
  return (
    <Box tabIndex={0} role="group" aria-label={t('staffPayments.ledger.tableLabel')} style={{ overflowX: 'auto' }}>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('staffPayments.ledger.paidAt')}</Table.Th>
            <Table.Th scope="col">{t('staffPayments.ledger.person')}</Table.Th>
            <Table.Th scope="col">{t('staffPayments.ledger.whatFor')}</Table.Th>
            <Table.Th scope="col">{t('staffPayments.ledger.kind')}</Table.Th>
            <Table.Th scope="col">{t('staffPayments.ledger.method')}</Table.Th>
            <Table.Th scope="col">{t('staffPayments.ledger.amount')}</Table.Th>
            <Table.Th scope="col">{t('staffPayments.ledger.refunded')}</Table.Th>
            <Table.Th scope="col">{t('staffPayments.ledger.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ledger.edges.map(({ node }) => (
            <Table.Tr key={node.id}>
              <Table.Td>{formatDate(node.paidAt)}</Table.Td>
              <Table.Td>
                <Text size="sm">{node.user.fullName}</Text>
                <Text size="xs" c="dimmed">{node.user.email}</Text>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/staff/payments/${node.id}`}>{node.description}</Anchor>
              </Table.Td>
              <Table.Td>{t(`staffPayments.kinds.${node.purpose}`)}</Table.Td>
              <Table.Td>{t(`staffPayments.methods.${methodKey(node.method)}`)}</Table.Td>
              <Table.Td>{formatMoney(node.amount)}</Table.Td>
              <Table.Td>{node.amountRefunded.amount ? formatMoney(node.amountRefunded) : ''}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={node.status === 'SUCCEEDED' ? 'green' : 'orange'}>{t(`staffPayments.statuses.${node.status}`)}</Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

function LedgerFilterForm({ initial, onApply }: { initial: LedgerFilters; onApply: (filters: LedgerFilters) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(values);
  };
  const text = (name: keyof LedgerFilters) => ({
    value: values[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => setValues({ ...values, [name]: event.currentTarget.value }),
  });
  return (
    <form onSubmit={submit} aria-label={t('staffPayments.ledger.filtersLabel')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('staffPayments.ledger.status')}
            data={[{ value: '', label: t('staffPayments.ledger.anyStatus') }, ...PAYMENT_STATUSES.map((value) => ({ value, label: t(`staffPayments.statuses.${value}`) }))]}
            value={values.status}
            onChange={(value) => setValues({ ...values, status: value ?? '' })}
            allowDeselect={false}
          />
          <Select
            label={t('staffPayments.ledger.kind')}
            data={[{ value: '', label: t('staffPayments.ledger.anyKind') }, ...PAYMENT_KINDS.map((value) => ({ value, label: t(`staffPayments.kinds.${value}`) }))]}
            value={values.kind}
            onChange={(value) => setValues({ ...values, kind: value ?? '' })}
            allowDeselect={false}
          />
          <TextInput label={t('staffPayments.ledger.from')} type="date" {...text('from')} />
          <TextInput label={t('staffPayments.ledger.until')} type="date" {...text('until')} />
          <TextInput label={t('staffPayments.ledger.minAmount')} description={t('staffPayments.minorUnitsHint')} inputMode="numeric" {...text('min')} />
          <TextInput label={t('staffPayments.ledger.maxAmount')} description={t('staffPayments.minorUnitsHint')} inputMode="numeric" {...text('max')} />
        </SimpleGrid>
        <Group>
          <Button type="submit">{t('staffPayments.ledger.apply')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
