import { Anchor, Box, Button, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { NotFoundPage } from '../../not-found/NotFoundPage.js';
import { StaffMemberSearchDocument, StaffMemberTierOptionsDocument } from './members.generated.js';
import { downloadWithToken } from '../../../shared/files/download.js';
import { formatDate, formatNumber } from '../../../shared/formatting/format.js';
import { RequireStaff } from '../../../shared/session/guards.js';
import { FormAlert } from '../../../shared/ui/forms/FormAlert.js';
import { Page } from '../../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../../shared/ui/states.js';
import { KeysetPager } from '../KeysetPager.js';
import { sectionAt } from '../staff-sections.js';
import { MEMBER_FILTERS, type MemberFilters, memberSearchVariables, MEMBERSHIP_STATUSES, readMemberFilters } from './member-filters.js';
import { MemberStatusBadge } from './MemberStatusBadge.js';

const SECTION = sectionAt('/staff/members');
const PAGE_SIZE = 20;

/** People and members by name or email, status, tier, joined and lapsed dates (filters in the address), keyset pages, and the CSV export. */
export function MemberSearchPage() {
  return (
    <RequireStaff fallback={<NotFoundPage />} permissions={SECTION.permissions}>
      <MemberSearch />
    </RequireStaff>
  );
}

function MemberSearch() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readMemberFilters(params), [params]);
  const after = params.get('after') ?? undefined;
  const [{ data, fetching, error }] = useQuery({ query: StaffMemberSearchDocument, variables: { ...memberSearchVariables(filters), first: PAGE_SIZE, after } });

  const go = (next: MemberFilters, cursor: string | undefined) => {
    const search = new URLSearchParams();
    for (const name of MEMBER_FILTERS) if (next[name]) search.set(name, next[name]);
    if (cursor) search.set('after', cursor);
    setParams(search);
  };
  const filterKey = MEMBER_FILTERS.map((name) => filters[name]).join('\n');

  const users = data?.users;
  let body;
  if (fetching && !users) body = <LoadingState />;
  else if (error) body = <ErrorState error={error} />;
  else if (!users?.edges.length) body = <EmptyState title={t('staffMembers.search.empty')} />;
  else
    body = (
      <Stack gap="sm">
        <Text size="sm" aria-live="polite">{t('staffMembers.search.count', { total: formatNumber(users.totalCount) })}</Text>
        <Box tabIndex={0} role="group" aria-label={t('staffMembers.search.tableLabel')} style={{ overflowX: 'auto' }}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('staffMembers.search.name')}</Table.Th>
                <Table.Th scope="col">{t('staffMembers.search.email')}</Table.Th>
                <Table.Th scope="col">{t('staffMembers.search.status')}</Table.Th>
                <Table.Th scope="col">{t('staffMembers.search.tier')}</Table.Th>
                <Table.Th scope="col">{t('staffMembers.search.joined')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.edges.map(({ node }) => (
                <Table.Tr key={node.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/staff/members/${node.id}`}>{node.fullName}</Anchor>
                  </Table.Td>
                  <Table.Td>{node.email}</Table.Td>
                  <Table.Td>{node.membership ? <MemberStatusBadge status={node.membership.status} /> : t('staffMembers.search.noMembership')}</Table.Td>
                  <Table.Td>{node.membership?.tier.name ?? ''}</Table.Td>
                  <Table.Td>{node.membership?.startedAt ? formatDate(node.membership.startedAt) : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
        <KeysetPager key={filterKey} after={after} endCursor={users.pageInfo.endCursor} hasNextPage={users.pageInfo.hasNextPage} onGo={(cursor) => go(filters, cursor)} />
      </Stack>
    );

  return (
    <Page title={t('staffMembers.search.title')} actions={<ExportButton />}>
      <MemberFilterForm key={params.toString()} initial={filters} onApply={(next) => go(next, undefined)} />
      {body}
    </Page>
  );
}

function ExportButton() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await downloadWithToken('/admin/members/export.csv', `members-${new Date().toISOString().slice(0, 10)}.csv`);
    } catch {
      setFailure(t('staffMembers.search.exportFailed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group>
      <Button variant="light" onClick={() => void download()} loading={busy}>{t('staffMembers.search.export')}</Button>
      <FormAlert message={failure} />
    </Group>
  );
}

function MemberFilterForm({ initial, onApply }: { initial: MemberFilters; onApply: (filters: MemberFilters) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [{ data: tiers }] = useQuery({ query: StaffMemberTierOptionsDocument });
  const set = (name: keyof MemberFilters) => (event: { currentTarget: { value: string } }) => setValues({ ...values, [name]: event.currentTarget.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(values);
  };
  return (
    <form onSubmit={submit} aria-label={t('staffMembers.search.filtersLabel')} role="search">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('staffMembers.search.query')} description={t('staffMembers.search.queryHint')} value={values.q} onChange={set('q')} />
          <NativeSelect
            label={t('staffMembers.search.status')}
            value={values.status}
            onChange={set('status')}
            data={[{ value: '', label: t('staffMembers.search.any') }, ...MEMBERSHIP_STATUSES.map((status) => ({ value: status, label: t(`staffMembers.status.${status}`) }))]}
          />
          <NativeSelect
            label={t('staffMembers.search.tier')}
            value={values.tierId}
            onChange={set('tierId')}
            data={[{ value: '', label: t('staffMembers.search.any') }, ...(tiers?.membershipTiers ?? []).map((tier) => ({ value: tier.id, label: tier.name }))]}
          />
          <TextInput type="date" label={t('staffMembers.search.joinedFrom')} value={values.joinedFrom} onChange={set('joinedFrom')} />
          <TextInput type="date" label={t('staffMembers.search.joinedUntil')} value={values.joinedUntil} onChange={set('joinedUntil')} />
          <div />
          <TextInput type="date" label={t('staffMembers.search.lapsedFrom')} value={values.lapsedFrom} onChange={set('lapsedFrom')} />
          <TextInput type="date" label={t('staffMembers.search.lapsedUntil')} value={values.lapsedUntil} onChange={set('lapsedUntil')} />
        </SimpleGrid>
        <Group>
          <Button type="submit">{t('staffMembers.search.apply')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
