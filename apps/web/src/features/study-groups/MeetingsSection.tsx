import { Card, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StudyGroupWorkspaceQuery } from './my-study-groups.generated.js';
import { formatEventTime } from '../../shared/formatting/format.js';
import { CheckInForm } from './CheckInForm.js';
import { RoleOffers } from './RoleOffers.js';

type Workspace = NonNullable<StudyGroupWorkspaceQuery['studyGroup']>;

/** The next meetings with who holds which role (mine first said plainly, with offers to swap), and the check-ins for the next one. */
export function MeetingsSection({ group, viewerId, onChanged }: { group: Workspace; viewerId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const [next] = group.upcomingMeetings;
  const mine = next?.checkIns.find((c) => c.user.id === viewerId) ?? null;
  const others = next?.checkIns.filter((c) => c.user.id !== viewerId) ?? [];
  return (
    <>
      <Card withBorder component="section" aria-labelledby="group-meetings">
        <Stack>
          <Title order={2} size="h4" id="group-meetings">{t('studyGroups.meetings')}</Title>
          {group.upcomingMeetings.length === 0 ? <Text size="sm">{t('studyGroups.noMeetings')}</Text> : null}
          {group.upcomingMeetings.map((meeting) => {
            const when = formatEventTime(meeting.startsAt, group.schedule.timezone);
            const myRole = meeting.roles.find((r) => r.user.id === viewerId)?.role;
            return (
              <Stack key={meeting.id} gap={4} component="article" aria-label={t('studyGroups.meetingOn', { time: when.event })}>
                <Text fw={600}>{when.event}{when.viewer ? <Text span c="dimmed" size="sm">{` ${t('studyGroups.yourTime', { time: when.viewer })}`}</Text> : null}</Text>
                <Text size="sm">{myRole ? t('studyGroups.myRole', { role: myRole }) : t('studyGroups.noRole')}</Text>
                {meeting.roles.length > 0 ? (
                  <List size="sm">
                    {meeting.roles.map((r) => <List.Item key={r.role}>{t('studyGroups.roleHolder', { role: r.role, name: r.user.fullName })}</List.Item>)}
                  </List>
                ) : null}
                <RoleOffers meeting={meeting} members={group.members} viewerId={viewerId} onChanged={onChanged} />
              </Stack>
            );
          })}
        </Stack>
      </Card>
      {next ? (
        <Card withBorder component="section" aria-labelledby="group-check-ins">
          <Stack>
            <Title order={2} size="h4" id="group-check-ins">{t('studyGroups.checkIns')}</Title>
            <Text size="sm">{t('studyGroups.checkInFor', { time: formatEventTime(next.startsAt, group.schedule.timezone).event })}</Text>
            <CheckInForm key={`${next.id}-${mine?.id ?? 'new'}`} meetingId={next.id} initial={mine ? { done: mine.done, next: mine.next, blockers: mine.blockers ?? '' } : null} onSaved={onChanged} />
            {mine ? <Text size="sm" role="status">{t('studyGroups.checkInSaved')}</Text> : null}
            {others.map((c) => (
              <Stack key={c.id} gap={2} component="article" aria-label={t('studyGroups.checkInOf', { name: c.user.fullName })}>
                <Text fw={600} size="sm">{c.user.fullName}</Text>
                <Text size="sm">{t('studyGroups.doneLine', { text: c.done })}</Text>
                <Text size="sm">{t('studyGroups.nextLine', { text: c.next })}</Text>
                {c.blockers ? <Text size="sm">{t('studyGroups.blockersLine', { text: c.blockers })}</Text> : null}
              </Stack>
            ))}
          </Stack>
        </Card>
      ) : null}
    </>
  );
}
