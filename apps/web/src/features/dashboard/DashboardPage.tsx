import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { DashboardDocument, type DashboardQuery } from '../../shared/api/generated/graphql.js';
import { formatDate } from '../../shared/formatting/format.js';
import { RequireAuth } from '../../shared/session/guards.js';
import { Page } from '../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states.js';
import { ZonedTime } from '../../shared/ui/ZonedTime.js';

const UPCOMING = 5;

type Membership = NonNullable<DashboardQuery['me']['membership']>;
type Registrations = DashboardQuery['myRegistrations'];

export function DashboardRoute() {
  return (
    <RequireAuth>
      <DashboardPage />
    </RequireAuth>
  );
}

/** A signed-in person's overview: their membership and what is coming up. */
function DashboardPage() {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: DashboardDocument, variables: { upcoming: UPCOMING }, requestPolicy: 'cache-and-network' });
  return (
    <Page title={t('dashboard.title')}>
      {fetching && !data ? <LoadingState /> : null}
      {error ? <ErrorState error={error} /> : null}
      {data ? (
        <>
          <Text size="lg">{t('dashboard.greeting', { name: data.me.fullName })}</Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <MembershipCard membership={data.me.membership} />
            <UpcomingCard registrations={data.myRegistrations} />
          </SimpleGrid>
        </>
      ) : null}
    </Page>
  );
}

const STATUS_COLOR: Record<Membership['status'], string> = {
  ACTIVE: 'green',
  GRACE: 'yellow',
  PENDING_APPROVAL: 'blue',
  PENDING_PAYMENT: 'orange',
  LAPSED: 'red',
  CANCELLED: 'gray',
  DECLINED: 'gray',
};

function MembershipCard({ membership }: { membership: Membership | null }) {
  const { t } = useTranslation();
  return (
    <Card withBorder component="section" aria-labelledby="dashboard-membership">
      <Stack gap="xs">
        <Title order={2} size="h4" id="dashboard-membership">{t('dashboard.membership')}</Title>
        {membership ? (
          <>
            <Group gap="xs">
              <Text fw={600}>{membership.tier.name}</Text>
              <Badge variant="light" color={STATUS_COLOR[membership.status]}>{t(`dashboard.status.${membership.status}`)}</Badge>
            </Group>
            <Text size="sm">{periodText(membership, t)}</Text>
            {membership.status === 'GRACE' && membership.graceEndsAt ? (
              <Text size="sm">{t('dashboard.graceEnds', { date: formatDate(membership.graceEndsAt) })}</Text>
            ) : null}
            <Text size="sm" c="dimmed">{t(`dashboard.next.${membership.status}`)}</Text>
          </>
        ) : (
          <>
            <Text size="sm">{t('dashboard.noMembership')}</Text>
            <Anchor component={Link} to="/" size="sm">{t('dashboard.seeTiers')}</Anchor>
          </>
        )}
      </Stack>
    </Card>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

function periodText(membership: Membership, t: Translate): string {
  const since = membership.startedAt ? formatDate(membership.startedAt) : null;
  if (membership.status === 'ACTIVE' && !membership.currentPeriodEnd) return since ? t('dashboard.lifetimeSince', { since }) : t('dashboard.lifetime');
  if (membership.currentPeriodEnd && since) return t('dashboard.period', { since, until: formatDate(membership.currentPeriodEnd) });
  if (membership.currentPeriodEnd) return t('dashboard.until', { until: formatDate(membership.currentPeriodEnd) });
  return t('dashboard.noPeriod');
}

function UpcomingCard({ registrations }: { registrations: Registrations }) {
  const { t } = useTranslation();
  return (
    <Card withBorder component="section" aria-labelledby="dashboard-upcoming">
      <Stack gap="xs">
        <Title order={2} size="h4" id="dashboard-upcoming">{t('dashboard.upcoming')}</Title>
        {registrations.edges.length === 0 ? (
          <EmptyState title={t('dashboard.noUpcoming')}>
            <Anchor component={Link} to="/events">{t('dashboard.browseEvents')}</Anchor>
          </EmptyState>
        ) : (
          <List spacing="sm" listStyleType="none" pl={0}>
            {registrations.edges.map(({ node }) => (
              <List.Item key={node.id}>
                <Stack gap={2}>
                  <Anchor component={Link} to={`/events/${node.event.id}`} fw={600}>{node.event.title}</Anchor>
                  <ZonedTime iso={node.event.startsAt} timeZone={node.event.timezone} size="xs" />
                  <Text size="xs">
                    {node.status === 'WAITLISTED' && node.waitlistPosition
                      ? t('events.yourWaitlistPosition', { position: node.waitlistPosition })
                      : t(`events.registration.${node.status}`)}
                  </Text>
                </Stack>
              </List.Item>
            ))}
          </List>
        )}
        {registrations.totalCount > registrations.edges.length ? (
          <Text size="xs" c="dimmed">{t('dashboard.moreUpcoming', { count: registrations.totalCount - registrations.edges.length })}</Text>
        ) : null}
      </Stack>
    </Card>
  );
}
