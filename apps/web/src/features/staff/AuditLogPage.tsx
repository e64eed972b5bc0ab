import { Button, Code, Group, SimpleGrid, Stack, Table, TextInput } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { NotFoundPage } from '../not-found/NotFoundPage.js';
import { StaffAuditLogDocument } from './staff.generated.js';
import { formatDateTime, formatNumber } from '../../shared/formatting/format.js';
import { RequireStaff } from '../../shared/session/guards.js';
import { Page } from '../../shared/ui/Page.js';
import { AUDIT_FILTERS, type AuditFilterName, type AuditFilters, auditVariables, readAuditFilters } from './audit/audit-filters.js';
import { PagedLogTable } from './PagedLogTable.js';
import { sectionAt } from './staff-sections.js';

const SECTION = sectionAt('/staff/audit');
const PAGE_SIZE = 20;

/** The audit log, newest first: the API's filters (kept in the address) and keyset paging. */
export function AuditLogPage() {
  return (
    <RequireStaff fallback={<NotFoundPage />} permissions={SECTION.permissions}>
      <AuditLog />
    </RequireStaff>
  );
}

function AuditLog() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readAuditFilters(params), [params]);
  const after = params.get('after') ?? undefined;
  const [{ data, fetching, error }] = useQuery({ query: StaffAuditLogDocument, variables: { ...auditVariables(filters), first: PAGE_SIZE, after } });

  const go = (next: AuditFilters, cursor: string | undefined) => {
    const search = new URLSearchParams();
    for (const name of AUDIT_FILTERS) if (next[name]) search.set(name, next[name]);
    if (cursor) search.set('after', cursor);
    setParams(search);
  };
  const applyFilters = (next: AuditFilters) => go(next, undefined);
  const filterKey = AUDIT_FILTERS.map((name) => filters[name]).join('\n');

  const body = (
    <PagedLogTable
      page={data?.auditLog}
      fetching={fetching}
      error={error}
      emptyTitle={t('staff.audit.empty')}
      count={(total) => t('staff.audit.count', { count: total, total: formatNumber(total) })}
      label={t('staff.audit.tableLabel')}
      columns={[t('staff.audit.when'), t('staff.audit.action'), t('staff.audit.actor'), t('staff.audit.target'), t('staff.audit.after')]}
      row={(node) => (
        <Table.Tr key={node.id}>
          <Table.Td>{formatDateTime(node.createdAt)}</Table.Td>
          <Table.Td>{node.action}</Table.Td>
          <Table.Td>{node.actorId ?? t('staff.audit.system')}</Table.Td>
          <Table.Td>{node.targetId ? `${node.targetType} ${node.targetId}` : node.targetType}</Table.Td>
          <Table.Td>{node.after == null ? '' : <Code>{JSON.stringify(node.after)}</Code>}</Table.Td>
        </Table.Tr>
      )}
      after={after}
      pagerKey={filterKey}
      onGo={(cursor) => go(filters, cursor)}
    />
  );

  return (
    <Page title={t('staff.audit.title')}>
      <AuditFilterForm key={params.toString()} initial={filters} onApply={applyFilters} />
      {body}
    </Page>
  );
}

const LABELS: Record<AuditFilterName, 'staff.audit.filters.action' | 'staff.audit.filters.actorId' | 'staff.audit.filters.targetType' | 'staff.audit.filters.targetId' | 'staff.audit.filters.from' | 'staff.audit.filters.until'> = {
  action: 'staff.audit.filters.action',
  actorId: 'staff.audit.filters.actorId',
  targetType: 'staff.audit.filters.targetType',
  targetId: 'staff.audit.filters.targetId',
  from: 'staff.audit.filters.from',
  until: 'staff.audit.filters.until',
};

function AuditFilterForm({ initial, onApply }: { initial: AuditFilters; onApply: (filters: AuditFilters) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(values);
  };
  return (
    <form onSubmit={submit} aria-label={t('staff.audit.filtersLabel')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {AUDIT_FILTERS.map((name) => (
            <TextInput
              key={name}
              label={t(LABELS[name])}
              type={name === 'from' || name === 'until' ? 'date' : 'text'}
              value={values[name]}
              onChange={(event) => setValues({ ...values, [name]: event.currentTarget.value })}
            />
          ))}
        </SimpleGrid>
        <Group>
          <Button type="submit">{t('staff.audit.apply')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
