import { Badge, Button, Group, Select, SimpleGrid, Stack, Table, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { NotFoundPage } from '../not-found/NotFoundPage.js';
import { type OutboxStatus, StaffOutboxDocument } from './staff.generated.js';
import { formatDateTime, formatNumber } from '../../shared/formatting/format.js';
import { RequireStaff } from '../../shared/session/guards.js';
import { Page } from '../../shared/ui/Page.js';
import { PagedLogTable } from './PagedLogTable.js';
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

  const body = (
    <PagedLogTable
      page={data?.outboxMessages}
      fetching={fetching}
      error={error}
      emptyTitle={t('staff.outbox.empty')}
      count={(total) => t('staff.outbox.count', { count: total, total: formatNumber(total) })}
      label={t('staff.outbox.tableLabel')}
      columns={[t('staff.outbox.when'), t('staff.outbox.to'), t('staff.outbox.subject'), t('staff.outbox.template'), t('staff.outbox.status'), t('staff.outbox.attempts'), t('staff.outbox.lastError')]}
      row={(node) => (
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
      )}
      after={after}
      pagerKey={filterKey}
      onGo={(cursor) => go(filters, cursor)}
    />
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
