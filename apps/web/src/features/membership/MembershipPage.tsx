import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { MembershipPageDocument } from './membership.generated.js';
import { RequireAuth } from '../../shared/session/guards.js';
import { Page } from '../../shared/ui/Page.js';
import { ErrorState, LoadingState } from '../../shared/ui/states.js';
import { ENDED } from './membership-labels.js';
import { MembershipStatusCard } from './MembershipStatusCard.js';
import { PaymentsList } from './PaymentsList.js';
import { TierChooser } from './TierChooser.js';

/** The member's membership: its status and period, what to do next, the tiers to apply for, payments. */
export function MembershipPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('membership.title')}>
      <RequireAuth>
        <MembershipContent />
      </RequireAuth>
    </Page>
  );
}

function MembershipContent() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: MembershipPageDocument, requestPolicy: 'cache-and-network' });
  if (fetching && !data) return <LoadingState />;
  if (error && !data) return <ErrorState error={error} />;
  if (!data) return null;
  const membership = data.me.membership;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const canApply = !membership || ENDED.has(membership.status);
  return (
    <Stack gap="xl">
      {membership ? <MembershipStatusCard membership={membership} tiers={data.membershipTiers} onChanged={reload} /> : null}
      {canApply ? <TierChooser tiers={data.membershipTiers} onApplied={reload} /> : null}
      <PaymentsList />
    </Stack>
  );
}
