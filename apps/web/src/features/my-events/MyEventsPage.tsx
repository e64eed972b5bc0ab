import { Anchor, Button, Card, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { MyEventsDocument } from './my-events.generated.js';
import { formatMoney } from '../../shared/formatting/format.js';
import { RequireAuth } from '../../shared/session/guards.js';
import { Page } from '../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states.js';
import { EventTime } from './EventTime.js';
import { RegistrationActions } from '../../shared/registration/RegistrationActions.js';

type Period = 'upcoming' | 'past';

/** The member's registrations: upcoming or past, with what can be done with each. */
export function MyEventsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('myEvents.title')}>
      <RequireAuth>
        <MyEventsList />
      </RequireAuth>
    </Page>
  );
}

function MyEventsList() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<Period>('upcoming');
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }] = useQuery({ query: MyEventsDocument, variables: { upcoming: period === 'upcoming', after } });
  const connection = data?.myRegistrations;

  return (
    <Stack>
      <SegmentedControl
        aria-label={t('myEvents.periodLabel')}
        value={period}
        onChange={(value) => { setPeriod(value as Period); setAfter(null); }}
        data={[{ value: 'upcoming', label: t('myEvents.upcoming') }, { value: 'past', label: t('myEvents.past') }]}
        maw={360}
      />
      {fetching && !data ? <LoadingState /> : null}
      {error ? <ErrorState error={error} /> : null}
      {connection && connection.edges.length === 0 ? (
        <EmptyState title={period === 'upcoming' ? t('myEvents.noneUpcoming') : t('myEvents.nonePast')} />
      ) : null}
      {connection?.edges.map(({ node }) => (
        <Card key={node.id} withBorder component="article" aria-labelledby={`registration-${node.id}`}>
          <Stack gap="xs">
            <Title order={2} size="h4" id={`registration-${node.id}`}>{node.event.title}</Title>
            <EventTime startsAt={node.event.startsAt} timezone={node.event.timezone} />
            <Text size="sm">
              {node.price.amount === 0 ? t('myEvents.free') : formatMoney(node.price)}
              {node.creditsEarned > 0 ? ` · ${t('myEvents.credits', { count: node.creditsEarned })}` : ''}
            </Text>
            <RegistrationActions registration={node} />
            <Anchor component={Link} to={`/my-events/events/${node.event.id}`} size="sm">
              {t('myEvents.details', { title: node.event.title })}
            </Anchor>
          </Stack>
        </Card>
      ))}
      {connection?.pageInfo.hasNextPage ? (
        <Button variant="default" onClick={() => setAfter(connection.pageInfo.endCursor ?? null)}>{t('myEvents.more')}</Button>
      ) : null}
    </Stack>
  );
}
