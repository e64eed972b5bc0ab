import { Anchor, Badge, Button, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { NotFoundPage } from '../../not-found/NotFoundPage.js';
import { type EventStatus, StaffEventsListDocument } from './events-console.generated.js';
import { formatEventTime, formatNumber } from '../../../shared/formatting/format.js';
import { RequireStaff } from '../../../shared/session/guards.js';
import { Page } from '../../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../../shared/ui/states.js';
import { KeysetPager } from '../KeysetPager.js';
import { sectionAt } from '../staff-sections.js';

const SECTION = sectionAt('/staff/events');
const VIEWS = ['DRAFT', 'PUBLISHED', 'CANCELLED', 'PAST'] as const;
type View = (typeof VIEWS)[number];
const PAGE = 20;

/** Upcoming published events, drafts, cancelled and past ones: each a filter of `events` (kept in ?view=). */
function filtersOf(view: View, now: string): { status?: EventStatus; from?: string; to?: string } {
  if (view === 'PAST') return { to: now };
  if (view === 'PUBLISHED') return { status: 'PUBLISHED', from: now };
  return { status: view };
}

export function StaffEventsPage() {
  return (
    <RequireStaff fallback={<NotFoundPage />} permissions={SECTION.permissions}>
      <StaffEvents />
    </RequireStaff>
  );
}

function StaffEvents() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view: View = (VIEWS as readonly string[]).includes(params.get('view') ?? '') ? (params.get('view') as View) : 'DRAFT';
  const after = params.get('after') ?? undefined;
  const [now] = useState(() => new Date().toISOString());
  const [list] = useQuery({ query: StaffEventsListDocument, variables: { first: PAGE, after, ...filtersOf(view, now) }, requestPolicy: 'cache-and-network' });

  const go = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams();
    const values = { view, after, ...next };
    for (const [k, v] of Object.entries(values)) if (v) merged.set(k, v);
    setParams(merged);
  };

  let body;
  if (list.fetching && !list.data) body = <LoadingState />;
  else if (list.error) body = <ErrorState error={list.error} />;
  else if (!list.data?.events.edges.length) body = <EmptyState title={t('staffEvents.list.empty')} />;
  else {
    const { edges, pageInfo, totalCount } = list.data.events;
    body = (
      <Stack>
        <Text size="sm" c="dimmed">{t('staffEvents.list.count', { count: totalCount })}</Text>
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Caption>{t(`staffEvents.list.view.${view}`)}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('staffEvents.list.event')}</Table.Th>
                <Table.Th scope="col">{t('staffEvents.list.starts')}</Table.Th>
                <Table.Th scope="col">{t('staffEvents.list.status')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('staffEvents.list.seats')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('staffEvents.list.waitlist')}</Table.Th>
                <Table.Th scope="col">{t('staffEvents.list.registrations')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {edges.map(({ node }) => (
                <Table.Tr key={node.id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/staff/events/${node.id}`}>{node.title}</Anchor>
                  </Table.Th>
                  <Table.Td>{formatEventTime(node.startsAt, node.timezone).event}</Table.Td>
                  <Table.Td><Badge variant="light" color="dark">{t(`staffEvents.status.${node.status}`)}</Badge></Table.Td>
                  <Table.Td ta="right">
                    {node.capacity === null ? t('staffEvents.list.noLimit') : t('staffEvents.list.seatsLeft', { left: formatNumber(node.seatsRemaining ?? 0), capacity: formatNumber(node.capacity) })}
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(node.waitlistCount)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/staff/events/${node.id}/registrations`} aria-label={t('staffEvents.list.registrationsOf', { title: node.title })}>
                      {t('staffEvents.list.registrations')}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <KeysetPager key={view} after={after} endCursor={pageInfo.endCursor} hasNextPage={pageInfo.hasNextPage} onGo={(cursor) => go({ after: cursor })} />
      </Stack>
    );
  }

  return (
    <Page
      title={t('staffEvents.list.title')}
      actions={
        <Button component={Link} to="/staff/events/new" w="fit-content">
          {t('staffEvents.list.create')}
        </Button>
      }
    >
      <SegmentedControl
        aria-label={t('staffEvents.list.show')}
        value={view}
        onChange={(value) => go({ view: value, after: undefined })}
        data={VIEWS.map((v) => ({ value: v, label: t(`staffEvents.list.view.${v}`) }))}
        fullWidth
      />
      {body}
    </Page>
  );
}
