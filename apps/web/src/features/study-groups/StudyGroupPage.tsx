import { Anchor, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { StudyGroupJoinDocument, StudyGroupLeaveDocument, StudyGroupOverviewDocument, StudyGroupWorkspaceDocument } from './my-study-groups.generated.js';
import { PlaceSpaceLink } from '../../shared/discussions/PlaceSpaceLink.js';
import { RequireAuth } from '../../shared/session/guards.js';
import { useSession } from '../../shared/session/SessionProvider.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useActionError } from '../../shared/ui/forms/useActionError.js';
import { Page } from '../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states.js';
import { GoalsSection } from './GoalsSection.js';
import { MeetingsSection } from './MeetingsSection.js';
import { PastMeetingsSection } from './PastMeetingsSection.js';

/** One group as a member sees it: join or leave, the next meetings with roles (and swaps), check-ins, goals, feedback on past meetings, the calendar file. */
export function StudyGroupPage() {
  const { groupId = '' } = useParams();
  return (
    <RequireAuth>
      <StudyGroup key={groupId} groupId={groupId} />
    </RequireAuth>
  );
}

function StudyGroup({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: StudyGroupOverviewDocument, variables: { id: groupId } });
  const [{ fetching: joining }, join] = useMutation(StudyGroupJoinDocument);
  const [{ fetching: leaving }, leave] = useMutation(StudyGroupLeaveDocument);
  const { alert, clearAlert, showError } = useActionError();
  const group = data?.studyGroup;
  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  const onJoin = async () => {
    clearAlert();
    const result = await join({ groupId });
    if (result.error) return showError(result.error);
    refresh();
  };
  const onLeave = async () => {
    clearAlert();
    const result = await leave({ groupId });
    if (result.error) return showError(result.error);
    refresh();
  };

  const membership = group?.viewerMembership;
  return (
    <Page title={group?.name ?? t('studyGroups.groupTitle')}>
      {fetching && !data ? <LoadingState /> : null}
      {error ? <ErrorState error={error} /> : null}
      {data && !group ? <EmptyState title={t('studyGroups.noSuchGroup')} /> : null}
      {group ? (
        <Stack gap="lg">
          <Card withBorder>
            <Stack gap="xs">
              <Text c="dimmed">{group.topic}</Text>
              {group.description ? <Text>{group.description}</Text> : null}
              <Text size="sm">{t('studyGroups.members', { count: group.memberCount })} · {t('studyGroups.spotsLeft', { count: group.spotsLeft })}</Text>
              <FormAlert message={alert} />
              <Group gap="sm">
                {!membership ? (
                  <Button loading={joining} onClick={() => void onJoin()}>
                    {group.visibility === 'APPROVAL' ? t('studyGroups.askToJoin') : t('studyGroups.join')}
                  </Button>
                ) : (
                  <>
                    <Text size="sm" fw={600}>{membership.status === 'PENDING' ? t('studyGroups.pendingLong') : t('studyGroups.youAreMember')}</Text>
                    <Button variant="subtle" color="red" loading={leaving} onClick={() => void onLeave()}>
                      {membership.status === 'PENDING' ? t('studyGroups.withdraw') : t('studyGroups.leave')}
                    </Button>
                  </>
                )}
                <Anchor href={`/study-groups/${group.id}.ics`} size="sm">{t('studyGroups.calendar')}</Anchor>
                {membership?.status === 'ACTIVE' ? <PlaceSpaceLink place="STUDY_GROUP" id={group.id} /> : null}
              </Group>
            </Stack>
          </Card>
          {membership?.status === 'ACTIVE' ? <Workspace groupId={group.id} /> : null}
        </Stack>
      ) : null}
      <Anchor component={Link} to="/my-groups">{t('studyGroups.backToList')}</Anchor>
    </Page>
  );
}

function Workspace({ groupId }: { groupId: string }) {
  const { session } = useSession();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: StudyGroupWorkspaceDocument, variables: { id: groupId } });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  if (fetching && !data) return <LoadingState />;
  if (error) return <ErrorState error={error} />;
  const group = data?.studyGroup;
  if (!group || !session) return null;
  return (
    <>
      <MeetingsSection group={group} viewerId={session.user.id} onChanged={refresh} />
      <GoalsSection groupId={groupId} goals={group.goals} onAdded={refresh} />
      <PastMeetingsSection groupId={groupId} />
    </>
  );
}
