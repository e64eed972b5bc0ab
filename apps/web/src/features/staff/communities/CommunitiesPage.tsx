import { Box, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { NotFoundPage } from '../../not-found/NotFoundPage.js';
import { type GroupStatus, StaffCommunityGroupsDocument, StaffCommunityReportDocument, type StaffCommunityReportQuery } from './communities.generated.js';
import { formatDate, formatNumber } from '../../../shared/formatting/format.js';
import { RequireStaff } from '../../../shared/session/guards.js';
import { Page } from '../../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../../shared/ui/states.js';
import { KeysetPager } from '../KeysetPager.js';
import { sectionAt } from '../staff-sections.js';

const SECTION = sectionAt('/staff/communities');
const PAGE_SIZE = 20;
const STATUSES: GroupStatus[] = ['FORMING', 'ACTIVE', 'ARCHIVED'];

/** Study groups (search and status in the address, keyset pages) and the community report, for community staff. */
export function CommunitiesPage() {
  return (
    <RequireStaff fallback={<NotFoundPage />} permissions={SECTION.permissions}>
      <Communities />
    </RequireStaff>
  );
}

function Communities() {
  const { t } = useTranslation();
  return (
    <Page title={t('staffCommunities.title')}>
      <CommunityReport />
      <Groups />
    </Page>
  );
}

type Report = StaffCommunityReportQuery['communityReport'];

function CommunityReport() {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: StaffCommunityReportDocument, requestPolicy: 'cache-and-network' });
  let body;
  if (fetching && !data) body = <LoadingState />;
  else if (error) body = <ErrorState error={error} />;
  else if (data) body = <ReportFigures report={data.communityReport} />;
  return (
    <Card withBorder component="section" aria-label={t('staffCommunities.report.title')}>
      <Stack gap="sm">
        <Title order={2} size="h3">{t('staffCommunities.report.title')}</Title>
        {body}
      </Stack>
    </Card>
  );
}

const percent = (rate: number | null) => (rate === null ? '—' : `${formatNumber(Math.round(rate * 1000) / 10)} %`);
const decimal = (value: number | null) => (value === null ? '—' : formatNumber(Math.round(value * 10) / 10));

function ReportFigures({ report }: { report: Report }) {
  const { t } = useTranslation();
  const figures: Array<[string, string]> = [
    [t('staffCommunities.report.activeGroups'), formatNumber(report.activeGroups)],
    [t('staffCommunities.report.formingGroups'), formatNumber(report.formingGroups)],
    [t('staffCommunities.report.archivedGroups'), formatNumber(report.archivedGroups)],
    [t('staffCommunities.report.peopleInGroups'), formatNumber(report.peopleInGroups)],
    [t('staffCommunities.report.activeMemberships'), formatNumber(report.activeMemberships)],
    [t('staffCommunities.report.meetingsHeld'), formatNumber(report.meetingsHeld)],
    [t('staffCommunities.report.meetingsCancelled'), formatNumber(report.meetingsCancelled)],
    [t('staffCommunities.report.attendanceRate'), percent(report.attendanceRate)],
    [t('staffCommunities.report.averageFeedback'), t('staffCommunities.report.feedbackValue', { average: decimal(report.averageFeedback), count: report.feedbackCount })],
    [t('staffCommunities.report.goals'), t('staffCommunities.report.goalsValue', { achieved: formatNumber(report.goalsAchieved), goals: formatNumber(report.goals) })],
    [t('staffCommunities.report.averageGoalProgress'), report.averageGoalProgress === null ? '—' : `${decimal(report.averageGoalProgress)} %`],
  ];
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} component="dl" m={0}>
      {figures.map(([label, value]) => (
        <div key={label}>
          <Text component="dt" size="sm">{label}</Text>
          <Text component="dd" m={0} fw={700} size="lg">{value}</Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

function Groups() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const statusParam = params.get('status') ?? '';
  const status = (STATUSES as string[]).includes(statusParam) ? (statusParam as GroupStatus) : undefined;
  const after = params.get('after') ?? undefined;
  const [{ data, fetching, error }] = useQuery({ query: StaffCommunityGroupsDocument, variables: { first: PAGE_SIZE, after, search: q || undefined, status } });
  const [values, setValues] = useState({ q, status: status ?? '' });
  const go = (next: { q: string; status: string }, cursor?: string) => {
    const search = new URLSearchParams();
    if (next.q) search.set('q', next.q);
    if (next.status) search.set('status', next.status);
    if (cursor) search.set('after', cursor);
    setParams(search);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    go(values);
  };

  const groups = data?.studyGroups;
  let body;
  if (fetching && !groups) body = <LoadingState />;
  else if (error) body = <ErrorState error={error} />;
  else if (!groups?.edges.length) body = <EmptyState title={t('staffCommunities.groups.empty')} />;
  else
    body = (
      <Stack gap="sm">
        <Box tabIndex={0} role="group" aria-label={t('staffCommunities.groups.tableLabel')} style={{ overflowX: 'auto' }}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('staffCommunities.groups.name')}</Table.Th>
                <Table.Th scope="col">{t('staffCommunities.groups.topic')}</Table.Th>
                <Table.Th scope="col">{t('staffCommunities.groups.status')}</Table.Th>
                <Table.Th scope="col">{t('staffCommunities.groups.members')}</Table.Th>
                <Table.Th scope="col">{t('staffCommunities.groups.created')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.edges.map(({ node }) => (
                <Table.Tr key={node.id}>
                  <Table.Td>{node.name}</Table.Td>
                  <Table.Td>{node.topic}</Table.Td>
                  <Table.Td>{t(`staffCommunities.groups.statuses.${node.status}`)}</Table.Td>
                  <Table.Td>{node.capacity ? t('staffCommunities.groups.membersOf', { count: formatNumber(node.memberCount), capacity: formatNumber(node.capacity) }) : formatNumber(node.memberCount)}</Table.Td>
                  <Table.Td>{formatDate(node.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
        <KeysetPager key={`${q}\n${status ?? ''}`} after={after} endCursor={groups.pageInfo.endCursor} hasNextPage={groups.pageInfo.hasNextPage} onGo={(cursor) => go({ q, status: status ?? '' }, cursor)} />
      </Stack>
    );

  return (
    <Card withBorder component="section" aria-label={t('staffCommunities.groups.title')}>
      <Stack gap="sm">
        <Title order={2} size="h3">{t('staffCommunities.groups.title')}</Title>
        <form onSubmit={submit} role="search" aria-label={t('staffCommunities.groups.filtersLabel')}>
          <Group align="flex-end" wrap="wrap">
            <TextInput label={t('staffCommunities.groups.search')} value={values.q} onChange={(e) => setValues({ ...values, q: e.currentTarget.value })} />
            <NativeSelect
              label={t('staffCommunities.groups.status')}
              value={values.status}
              onChange={(e) => setValues({ ...values, status: e.currentTarget.value })}
              data={[{ value: '', label: t('staffCommunities.groups.open') }, ...STATUSES.map((s) => ({ value: s, label: t(`staffCommunities.groups.statuses.${s}`) }))]}
            />
            <Button type="submit">{t('staffCommunities.groups.apply')}</Button>
          </Group>
        </form>
        {body}
      </Stack>
    </Card>
  );
}
