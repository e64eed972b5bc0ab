import { Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { NotFoundPage } from '../not-found/NotFoundPage.js';
import { StaffApprovalsDocument, type StaffApprovalsQuery, StaffApproveMembershipDocument, StaffDeclineMembershipDocument } from './staff.generated.js';
import { RequireStaff } from '../../shared/session/guards.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useApiErrors } from '../../shared/ui/forms/useApiErrors.js';
import { Page } from '../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states.js';
import { sectionAt } from './staff-sections.js';

const SECTION = sectionAt('/staff/approvals');
type Applicant = StaffApprovalsQuery['users']['edges'][number]['node'];

/** The approvals queue: applications waiting for a decision, approve or decline with a reason. */
export function ApprovalsPage() {
  return (
    <RequireStaff fallback={<NotFoundPage />} permissions={SECTION.permissions}>
      <Approvals />
    </RequireStaff>
  );
}

function Approvals() {
  const { t } = useTranslation();
  const [queue, refresh] = useQuery({ query: StaffApprovalsDocument, requestPolicy: 'cache-and-network' });
  const reload = () => refresh({ requestPolicy: 'network-only' });

  let body;
  if (queue.fetching && !queue.data) body = <LoadingState />;
  else if (queue.error) body = <ErrorState error={queue.error} />;
  else if (!queue.data?.users.edges.length) body = <EmptyState title={t('staff.approvals.empty')} />;
  else body = <Stack>{queue.data.users.edges.map(({ node }) => <Application key={node.id} applicant={node} onDecided={reload} />)}</Stack>;

  return <Page title={t('staff.approvals.title')}>{body}</Page>;
}

function Application({ applicant, onDecided }: { applicant: Applicant; onDecided: () => void }) {
  const { t } = useTranslation();
  const membership = applicant.membership;
  const [approval, approve] = useMutation(StaffApproveMembershipDocument);
  const [decline, sendDecline] = useMutation(StaffDeclineMembershipDocument);
  const form = useForm({
    initialValues: { reason: '' },
    validate: { reason: (value) => (value.trim() ? null : t('staff.approvals.reasonRequired')) },
  });
  const { alert, clearAlert, showError } = useApiErrors(form);
  if (!membership) return null;

  const onApprove = async () => {
    clearAlert();
    const result = await approve({ membershipId: membership.id });
    if (result.error) showError(result.error);
    else onDecided();
  };
  const onDecline = form.onSubmit(async ({ reason }) => {
    clearAlert();
    const result = await sendDecline({ membershipId: membership.id, reason: reason.trim() });
    if (result.error) showError(result.error);
    else onDecided();
  });

  return (
    <Card withBorder component="article" aria-label={applicant.fullName}>
      <Stack gap="sm">
        <FormAlert message={alert} />
        <div>
          <Text fw={600}>{applicant.fullName}</Text>
          <Text size="sm">{applicant.email}</Text>
          <Text size="sm" c="dimmed">{t('staff.approvals.tier', { tier: membership.tier.name })}</Text>
        </div>
        <Button onClick={() => void onApprove()} loading={approval.fetching} aria-label={t('staff.approvals.approveWho', { name: applicant.fullName })}>
          {t('staff.approvals.approve')}
        </Button>
        <form onSubmit={onDecline} noValidate>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t('staff.approvals.reason')}
              description={t('staff.approvals.reasonHint')}
              style={{ flex: 1, minWidth: 200 }}
              {...form.getInputProps('reason')}
            />
            <Button type="submit" variant="light" color="red" loading={decline.fetching} aria-label={t('staff.approvals.declineWho', { name: applicant.fullName })}>
              {t('staff.approvals.decline')}
            </Button>
          </Group>
        </form>
      </Stack>
    </Card>
  );
}
