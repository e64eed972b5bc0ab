import { Anchor, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardPageQuery } from './dashboard.generated.js';
import { formatEventTime } from '../../shared/formatting/format.js';
import { EmptyState } from '../../shared/ui/states.js';
import { DashboardCard } from './DashboardCard.js';
import { LINKS } from './dashboard-links.js';

type Group = DashboardPageQuery['myStudyGroups'][number];

/** Each group's next meeting, in the group's zone, and the role the member holds in it. */
export function GroupMeetingsCard({ groups, viewerId }: { groups: Group[]; viewerId: string }) {
  const { t } = useTranslation();
  const next = groups
    .flatMap((group) => group.upcomingMeetings.slice(0, 1).map((meeting) => ({ group, meeting })))
    .sort((a, b) => a.meeting.startsAt.localeCompare(b.meeting.startsAt))
    .slice(0, 5);
  return (
    <DashboardCard id="dashboard-meetings" title={t('dashboard.meetingsTitle')}>
      {next.length === 0 ? <EmptyState title={t('dashboard.noMeetings')} /> : (
        <List listStyleType="none" spacing="sm">
          {next.map(({ group, meeting }) => {
            const time = formatEventTime(meeting.startsAt, group.schedule.timezone);
            const roles = meeting.roles.filter((r) => r.user.id === viewerId).map((r) => r.role);
            return (
              <List.Item key={meeting.id}>
                <Stack gap={2}>
                  <Text fw={600}>{group.name}</Text>
                  <Text size="sm">{time.event}</Text>
                  {time.viewer ? <Text size="xs" c="dimmed">{t('dashboard.yourTime', { time: time.viewer })}</Text> : null}
                  <Text size="sm">{roles.length ? t('dashboard.yourRole', { roles: roles.join(', ') }) : t('dashboard.noRole')}</Text>
                </Stack>
              </List.Item>
            );
          })}
        </List>
      )}
      <Anchor component={Link} to={LINKS.studyGroups} size="sm">{t('dashboard.allGroups')}</Anchor>
    </DashboardCard>
  );
}
