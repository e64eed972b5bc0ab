import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { MyStudyGroupsDocument, type MyStudyGroupsQuery } from './my-study-groups.generated.js';
import { formatEventTime } from '../../shared/formatting/format.js';
import { RequireAuth } from '../../shared/session/guards.js';
import { useSession } from '../../shared/session/SessionProvider.js';
import { Page } from '../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states.js';

type MyGroup = MyStudyGroupsQuery['myStudyGroups'][number];

/** The groups I am in or asked to join, each with its next meeting and my role in it. */
export function MyStudyGroupsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('studyGroups.myTitle')}>
      <RequireAuth>
        <MyGroupsList />
      </RequireAuth>
    </Page>
  );
}

function MyGroupsList() {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: MyStudyGroupsDocument });
  if (fetching && !data) return <LoadingState />;
  if (error) return <ErrorState error={error} />;
  if (!data) return null;
  if (data.myStudyGroups.length === 0) return <EmptyState title={t('studyGroups.none')}>{t('studyGroups.noneHint')}</EmptyState>;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {data.myStudyGroups.map((group) => <GroupCard key={group.id} group={group} />)}
    </SimpleGrid>
  );
}

function GroupCard({ group }: { group: MyGroup }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const next = group.upcomingMeetings[0];
  const myRole = next?.roles.find((r) => r.user.id === session?.user.id)?.role;
  const when = next ? formatEventTime(next.startsAt, group.schedule.timezone) : null;
  return (
    <Card withBorder component="article" aria-labelledby={`group-${group.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} size="h4" id={`group-${group.id}`}>{group.name}</Title>
          {group.viewerMembership?.status === 'PENDING' ? <Badge variant="dot" color="yellow">{t('studyGroups.pending')}</Badge> : null}
        </Group>
        <Text size="sm" c="dimmed">{group.topic}</Text>
        {when ? (
          <Text size="sm">
            {t('studyGroups.nextMeeting', { time: when.event })}
            {when.viewer ? ` ${t('studyGroups.yourTime', { time: when.viewer })}` : ''}
          </Text>
        ) : <Text size="sm">{t('studyGroups.noMeetings')}</Text>}
        {next ? <Text size="sm" fw={600}>{myRole ? t('studyGroups.myRole', { role: myRole }) : t('studyGroups.noRole')}</Text> : null}
        <Anchor component={Link} to={`/my-groups/${group.id}`} size="sm">{t('studyGroups.open', { name: group.name })}</Anchor>
      </Stack>
    </Card>
  );
}
