import { Button, Card, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { StaffMemberDataExportDocument, StaffMemberGrantDocument, StaffMemberInviteDocument, type StaffMemberPageQuery, StaffMemberTierOptionsDocument } from './members.generated.js';
import { StaffApproveMembershipDocument, StaffDeclineMembershipDocument } from '../staff.generated.js';
import { FormAlert } from '../../../shared/ui/forms/FormAlert.js';
import { useActionError } from '../../../shared/ui/forms/useActionError.js';
import { useApiErrors } from '../../../shared/ui/forms/useApiErrors.js';

type User = NonNullable<StaffMemberPageQuery['user']>;

/** What membership staff can do for this person: a complimentary grant, a decision on a pending application, a claim invitation, a data export. */
export function MemberActions({ user, onChanged }: { user: User; onChanged: () => void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder component="section" aria-label={t('staffMembers.actions.title')}>
      <Stack gap="md">
        <Title order={2} size="h3">{t('staffMembers.actions.title')}</Title>
        {user.membership?.status === 'PENDING_APPROVAL' ? <Decision membershipId={user.membership.id} name={user.fullName} onChanged={onChanged} /> : null}
        <GrantForm userId={user.id} onChanged={onChanged} />
        <Group align="flex-start">
          {user.claimed ? null : <InviteButton userId={user.id} onChanged={onChanged} />}
          <ExportButton userId={user.id} />
        </Group>
      </Stack>
    </Card>
  );
}

function Decision({ membershipId, name, onChanged }: { membershipId: string; name: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const [approval, approve] = useMutation(StaffApproveMembershipDocument);
  const [decline, sendDecline] = useMutation(StaffDeclineMembershipDocument);
  const form = useForm({ initialValues: { reason: '' }, validate: { reason: (v) => (v.trim() ? null : t('staffMembers.actions.reasonRequired')) } });
  const { alert, clearAlert, showError } = useApiErrors(form, { prefix: '' });
  const onApprove = async () => {
    clearAlert();
    const result = await approve({ membershipId });
    if (result.error) showError(result.error);
    else onChanged();
  };
  const onDecline = form.onSubmit(async ({ reason }) => {
    clearAlert();
    const result = await sendDecline({ membershipId, reason: reason.trim() });
    if (result.error) showError(result.error);
    else onChanged();
  });
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>{t('staffMembers.actions.pending')}</Text>
      <FormAlert message={alert} />
      <Group>
        <Button onClick={() => void onApprove()} loading={approval.fetching} aria-label={t('staffMembers.actions.approveWho', { name })}>
          {t('staffMembers.actions.approve')}
        </Button>
      </Group>
      <form onSubmit={onDecline} noValidate>
        <Group align="flex-end" wrap="wrap">
          <TextInput label={t('staffMembers.actions.reason')} style={{ flex: 1, minWidth: 200 }} {...form.getInputProps('reason')} />
          <Button type="submit" variant="light" color="red" loading={decline.fetching} aria-label={t('staffMembers.actions.declineWho', { name })}>
            {t('staffMembers.actions.decline')}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}

function GrantForm({ userId, onChanged }: { userId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const [{ data: tiers }] = useQuery({ query: StaffMemberTierOptionsDocument });
  const [grant, sendGrant] = useMutation(StaffMemberGrantDocument);
  const [done, setDone] = useState(false);
  const form = useForm({
    initialValues: { tierId: '', until: '' },
    validate: { tierId: (v) => (v ? null : t('staffMembers.actions.tierRequired')) },
  });
  const { alert, clearAlert, showError } = useApiErrors(form, { prefix: '' });
  const onSubmit = form.onSubmit(async ({ tierId, until }) => {
    clearAlert();
    setDone(false);
    const result = await sendGrant({ userId, tierId, until: until ? new Date(`${until}T23:59:59.999Z`).toISOString() : null });
    if (result.error) showError(result.error);
    else {
      setDone(true);
      onChanged();
    }
  });
  const active = (tiers?.membershipTiers ?? []).filter((tier) => tier.active);
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('staffMembers.actions.grantTitle')}>
      <Stack gap="xs">
        <Text size="sm" fw={600}>{t('staffMembers.actions.grantTitle')}</Text>
        <FormAlert message={alert} />
        <Group align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('staffMembers.actions.grantTier')}
            data={[{ value: '', label: t('staffMembers.actions.chooseTier') }, ...active.map((tier) => ({ value: tier.id, label: tier.name }))]}
            {...form.getInputProps('tierId')}
          />
          <TextInput type="date" label={t('staffMembers.actions.grantUntil')} description={t('staffMembers.actions.grantUntilHint')} {...form.getInputProps('until')} />
          <Button type="submit" loading={grant.fetching}>{t('staffMembers.actions.grant')}</Button>
        </Group>
        {done ? <Text size="sm" role="status">{t('staffMembers.actions.granted')}</Text> : null}
      </Stack>
    </form>
  );
}

function InviteButton({ userId, onChanged }: { userId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const [invite, sendInvite] = useMutation(StaffMemberInviteDocument);
  const { alert, clearAlert, showError } = useActionError();
  const [sent, setSent] = useState(false);
  const onClick = async () => {
    clearAlert();
    const result = await sendInvite({ userIds: [userId] });
    if (result.error) showError(result.error);
    else {
      setSent(true);
      onChanged();
    }
  };
  return (
    <Stack gap={4}>
      <Button variant="light" onClick={() => void onClick()} loading={invite.fetching}>{t('staffMembers.actions.invite')}</Button>
      <FormAlert message={alert} />
      {sent ? <Text size="sm" role="status">{t('staffMembers.actions.invited')}</Text> : null}
    </Stack>
  );
}

function ExportButton({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const [request, sendRequest] = useMutation(StaffMemberDataExportDocument);
  const { alert, clearAlert, showError } = useActionError();
  const onClick = async () => {
    clearAlert();
    const result = await sendRequest({ userId });
    if (result.error) showError(result.error);
  };
  return (
    <Stack gap={4}>
      <Button variant="default" onClick={() => void onClick()} loading={request.fetching}>{t('staffMembers.actions.dataExport')}</Button>
      <FormAlert message={alert} />
      {request.data ? <Text size="sm" role="status">{t('staffMembers.actions.dataExportRequested')}</Text> : null}
    </Stack>
  );
}
