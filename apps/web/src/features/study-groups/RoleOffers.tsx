import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { StudyGroupAnswerRoleOfferDocument, StudyGroupOfferRoleDocument, type StudyGroupWorkspaceQuery } from './my-study-groups.generated.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useActionError } from '../../shared/ui/forms/useActionError.js';

type Workspace = NonNullable<StudyGroupWorkspaceQuery['studyGroup']>;
type Meeting = Workspace['upcomingMeetings'][number];
type Member = Workspace['members'][number];

/**
 * Swapping roles among members: offer a role I hold to another member (who accepts or declines), and
 * answer the offers made to me. Nothing changes until the other member accepts.
 */
export function RoleOffers({ meeting, members, viewerId, onChanged }: { meeting: Meeting; members: Member[]; viewerId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const mine = meeting.roles.filter((r) => r.user.id === viewerId).map((r) => r.role);
  const toMe = meeting.roleOffers.filter((o) => o.to.id === viewerId);
  const fromMe = meeting.roleOffers.filter((o) => o.from.id === viewerId);
  const others = members.filter((m) => m.status === 'ACTIVE' && m.user.id !== viewerId);
  return (
    <Stack gap="xs">
      {toMe.map((offer) => <OfferToMe key={offer.role} meetingId={meeting.id} offer={offer} onChanged={onChanged} />)}
      {fromMe.map((offer) => (
        <Text key={offer.role} size="sm" c="dimmed">{t('studyGroups.offerWaiting', { role: offer.role, name: offer.to.fullName })}</Text>
      ))}
      {others.length > 0 ? mine.map((role) => <OfferForm key={role} meetingId={meeting.id} role={role} others={others} onChanged={onChanged} />) : null}
    </Stack>
  );
}

function OfferToMe({ meetingId, offer, onChanged }: { meetingId: string; offer: Meeting['roleOffers'][number]; onChanged: () => void }) {
  const { t } = useTranslation();
  const [{ fetching }, answer] = useMutation(StudyGroupAnswerRoleOfferDocument);
  const { alert, clearAlert, showError } = useActionError();
  const reply = async (accept: boolean) => {
    clearAlert();
    const result = await answer({ meetingId, role: offer.role, accept });
    if (result.error) return showError(result.error);
    onChanged();
  };
  return (
    <Stack gap={4} role="group" aria-label={t('studyGroups.offerFrom', { name: offer.from.fullName, role: offer.role })}>
      <Text size="sm" fw={600}>
        {offer.inReturnRole
          ? t('studyGroups.offerTrade', { name: offer.from.fullName, role: offer.role, mine: offer.inReturnRole })
          : t('studyGroups.offerHandOver', { name: offer.from.fullName, role: offer.role })}
      </Text>
      <FormAlert message={alert} />
      <Group gap="xs">
        <Button size="xs" loading={fetching} onClick={() => void reply(true)}>{t('studyGroups.acceptOffer', { role: offer.role })}</Button>
        <Button size="xs" variant="default" disabled={fetching} onClick={() => void reply(false)}>{t('studyGroups.declineOffer', { role: offer.role })}</Button>
      </Group>
    </Stack>
  );
}

function OfferForm({ meetingId, role, others, onChanged }: { meetingId: string; role: string; others: Member[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const [userId, setUserId] = useState<string | null>(null);
  const [{ fetching }, offer] = useMutation(StudyGroupOfferRoleDocument);
  const { alert, clearAlert, showError } = useActionError();
  const [sent, setSent] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clearAlert();
    setSent(false);
    if (!userId) return;
    const result = await offer({ meetingId, role, userId });
    if (result.error) return showError(result.error);
    setSent(true);
    onChanged();
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('studyGroups.offerForm', { role })}>
      <Stack gap={4}>
        <FormAlert message={alert} />
        <Group align="flex-end" gap="xs">
          <Select
            size="xs"
            label={t('studyGroups.offerTo', { role })}
            placeholder={t('studyGroups.chooseMember')}
            data={others.map((m) => ({ value: m.user.id, label: m.user.fullName }))}
            value={userId}
            onChange={setUserId}
            allowDeselect={false}
          />
          <Button size="xs" type="submit" variant="light" loading={fetching} disabled={!userId}>{t('studyGroups.sendOffer')}</Button>
        </Group>
        {sent ? <Text size="xs" role="status">{t('studyGroups.offerSent')}</Text> : null}
      </Stack>
    </form>
  );
}
