import { Badge, Box, Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { NotFoundPage } from '../not-found/NotFoundPage.js';
import { type OutboxStatus, StaffOutboxDocument } from '../../shared/api/generated/graphql.js';
import { formatDateTime, formatNumber } from '../../shared/formatting/format.js';
import { RequireStaff } from '../../shared/session/guards.js';
import { Page } from '../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states.js';
import { KeysetPager } from './KeysetPager.js';
import { sectionAt } from './staff-sections.js';

const SECTION = sectionAt('/staff/outbox');
const PAGE_SIZE = 20;
const STATUSES: OutboxStatus[] = ['PENDING', 'SENT', 'KEPT', 'FAILED'];
const isStatus = (value: string | null): value is OutboxStatus => STATUSES.includes(value as OutboxStatus);

interface OutboxFilters {
  status: OutboxStatus | '';
  template: string;
  to: string;
}

/** Outgoing mail (the outbox), newest first: the API's filters (kept in the address) and keyset paging. */
export function OutboxPage() {
  return (
    <RequireStaff fallback={<NotFoundPage />} permissions={SECTION.permissions}>
      <Outbox />
    </RequireStaff>
  );
}

function Outbox() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const filters: OutboxFilters = { status: isStatus(status) ? status : '', template: params.get('template')?.trim() ?? '', to: params.get('to')?.trim() ?? '' };
  const after = params.get('after') ?? undefined;
  const [{ data, fetching, error }] = useQuery({
    query: StaffOutboxDocument,
    variables: { first: PAGE_SIZE, after, status: filters.status || undefined, template: filters.template || undefined, to: filters.to || undefined },
  });

  const go = (next: OutboxFilters, cursor: string | undefined) => {
    const search = new URLSearchParams();
    if (next.status) search.set('status', next.status);
    if (next.template) search.set('template', next.template);
    if (next.to) search.set('to', next.to);
    if (cursor) search.set('after', cursor);
    setParams(search);
  };
  const filterKey = `${filters.status}\n${filters.template}\n${filters.to}`;

  const outbox = data?.outboxMessages;
  let body;
  if (fetching && !outbox) body = <LoadingState />;
  else if (error) body = <ErrorState error={error} />;
  else if (!outbox?.edges.length) body = <EmptyState title={t('staff.outbox.empty')} />;
  else
    body = (
      <Stack gap="sm">
        <Text size="sm" aria-live="polite">{t('staff.outbox.count', { count: outbox.totalCount, total: formatNumber(outbox.totalCount) })}</Text>
        <Box tabIndex={0} role="group" aria-label={t('staff.outbox.tableLabel')} style={{ overflowX: 'auto' }}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('staff.outbox.when')}</Table.Th>
                <Table.Th scope="col">{t('staff.outbox.to')}</Table.Th>
                <Table.Th scope="col">{t('staff.outbox.subject')}</Table.Th>
                <Table.Th scope="col">{t('staff.outbox.template')}</Table.Th>
                <Table.Th scope="col">{t('staff.outbox.status')}</Table.Th>
                <Table.Th scope="col">{t('staff.outbox.attempts')}</Table.Th>
                <Table.Th scope="col">{t('staff.outbox.lastError')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {outbox.edges.map(({ node }) => (
                <Table.Tr key={node.id}>
                  <Table.Td>{formatDateTime(node.createdAt)}</Table.Td>
                  <Table.Td>{node.toAddress}</Table.Td>
                  <Table.Td>{node.subject}</Table.Td>
                  <Table.Td>{node.template}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={node.status === 'FAILED' ? 'red' : 'gray'}>{t(`staff.outbox.statuses.${node.status}`)}</Badge>
                  </Table.Td>
                  <Table.Td>{formatNumber(node.attempts)}</Table.Td>
                  <Table.Td>{node.lastError ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
        <KeysetPager key={filterKey} after={after} endCursor={outbox.pageInfo.endCursor} hasNextPage={outbox.pageInfo.hasNextPage} onGo={(cursor) => go(filters, cursor)} />
      </Stack>
    );

  return (
    <Page title={t('staff.outbox.title')}>
      <OutboxFilterForm key={filterKey} initial={filters} onApply={(next) => go(next, undefined)} />
      {body}
    </Page>
  );
}

function OutboxFilterForm({ initial, onApply }: { initial: OutboxFilters; onApply: (filters: OutboxFilters) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(values);
  };
  return (
    <form onSubmit={submit} aria-label={t('staff.outbox.filtersLabel')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('staff.outbox.status')}
            data={[{ value: '', label: t('staff.outbox.anyStatus') }, ...STATUSES.map((value) => ({ value, label: t(`staff.outbox.statuses.${value}`) }))]}
            value={values.status}
            onChange={(value) => setValues({ ...values, status: isStatus(value) ? value : '' })}
            allowDeselect={false}
          />
          <TextInput label={t('staff.outbox.template')} value={values.template} onChange={(event) => setValues({ ...values, template: event.currentTarget.value })} />
          <TextInput label={t('staff.outbox.to')} type="email" value={values.to} onChange={(event) => setValues({ ...values, to: event.currentTarget.value })} />
        </SimpleGrid>
        <Group>
          <Button type="submit">{t('staff.outbox.apply')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
