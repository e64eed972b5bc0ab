import { SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { DashboardPageDocument } from './dashboard.generated.js';
import { RequireAuth } from '../../shared/session/guards.js';
import { Page } from '../../shared/ui/Page.js';
import { ErrorState, LoadingState } from '../../shared/ui/states.js';
import { GroupMeetingsCard } from './GroupMeetingsCard.js';
import { MembershipSummary } from './MembershipSummary.js';
import { MentoringCard } from './MentoringCard.js';
import { UpcomingEventsCard } from './UpcomingEventsCard.js';

/** What a member sees first: membership and its next step, then events, meetings and mentoring. */
export function DashboardPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('dashboard.title')}>
      <RequireAuth>
        <DashboardContent />
      </RequireAuth>
    </Page>
  );
}

function DashboardContent() {
  const [{ data, fetching, error }] = useQuery({ query: DashboardPageDocument, requestPolicy: 'cache-and-network' });
  if (fetching && !data) return <LoadingState />;
  if (error && !data) return <ErrorState error={error} />;
  if (!data) return null;
  return (
    <Stack gap="lg">
      <MembershipSummary membership={data.me.membership} />
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <UpcomingEventsCard registrations={data.myRegistrations.edges.map((edge) => edge.node)} />
        <GroupMeetingsCard groups={data.myStudyGroups} viewerId={data.me.id} />
        <MentoringCard pairs={data.myMentoring} viewerId={data.me.id} />
      </SimpleGrid>
    </Stack>
  );
}
