import { Badge, Button, Card, Checkbox, Group, NumberInput, Rating, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { MentoringConfirmCheckInDocument, MentoringFeedbackDocument, MentoringLogCheckInDocument, type MyMentoringQuery } from './mentoring.generated.js';
import { formatDateTime, formatNumber } from '../../shared/formatting/format.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useActionError } from '../../shared/ui/forms/useActionError.js';
import { useApiErrors } from '../../shared/ui/forms/useApiErrors.js';
import { PairGoals } from './PairGoals.js';
import { SpaceLink } from '../../shared/discussions/PlaceSpaceLink.js';

type Pair = MyMentoringQuery['myMentoring'][number];

/** One pair: who with whom, the goals, the check-ins (log one; confirm the other side's), and feedback. */
export function PairCard({ pair, viewerId, onChanged }: { pair: Pair; viewerId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const asMentor = pair.mentor.id === viewerId;
  const other = asMentor ? pair.mentee : pair.mentor;
  const [{ fetching: confirming }, confirm] = useMutation(MentoringConfirmCheckInDocument);
  const { alert, clearAlert, showError } = useActionError();
  const onConfirm = async (checkInId: string) => {
    clearAlert();
    const result = await confirm({ checkInId });
    if (result.error) showError(result.error);
  };
  const title = t(asMentor ? 'mentoring.pairAsMentor' : 'mentoring.pairAsMentee', { name: other.fullName });
  return (
    <Card withBorder component="article" aria-labelledby={`pair-${pair.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Title order={3} size="h4" id={`pair-${pair.id}`}>{title}</Title>
          <Badge variant="dot">{t(`mentoring.pairStatus.${pair.status}`)}</Badge>
        </Group>
        <Text size="sm" c="dimmed">{pair.cohort.program.name} · {pair.cohort.name}</Text>
        <SpaceLink spaceId={pair.space.id} />
        <Title order={4} size="h5">{t('mentoring.goalsTitle')}</Title>
        <PairGoals pairId={pair.id} goals={pair.goals} active={pair.status === 'ACTIVE'} onChanged={onChanged} />
        <Title order={4} size="h5">{t('mentoring.checkInsTitle')}</Title>
        {pair.checkIns.length === 0 ? <Text size="sm">{t('mentoring.noCheckIns')}</Text> : null}
        <FormAlert message={alert} />
        {pair.checkIns.map((c) => (
          <Group key={c.id} gap="xs" justify="space-between">
            <Text size="sm">
              {t('mentoring.checkInLine', { when: formatDateTime(c.happenedAt), minutes: c.durationMinutes })}
              {c.confirmedAt ? ` · ${t('mentoring.confirmed', { credits: formatNumber(c.credits ?? 0) })}` : ` · ${t('mentoring.unconfirmed')}`}
            </Text>
            {!c.confirmedAt && c.loggedBy.id !== viewerId ? (
              <Button size="xs" loading={confirming} onClick={() => void onConfirm(c.id)} aria-label={t('mentoring.confirmOf', { when: formatDateTime(c.happenedAt) })}>
                {t('mentoring.confirm')}
              </Button>
            ) : null}
          </Group>
        ))}
        {pair.status === 'ACTIVE' ? <LogCheckIn pairId={pair.id} onSaved={onChanged} /> : null}
        <Feedback pairId={pair.id} />
      </Stack>
    </Card>
  );
}

function LogCheckIn({ pairId, onSaved }: { pairId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const [{ fetching }, log] = useMutation(MentoringLogCheckInDocument);
  const form = useForm({
    initialValues: { happenedAt: '', durationMinutes: 60 as number | string, notes: '' },
    validate: {
      happenedAt: (value) => (value && !Number.isNaN(new Date(value).getTime()) ? null : t('mentoring.whenRequired')),
      durationMinutes: (value) => (Number(value) > 0 ? null : t('mentoring.durationRequired')),
    },
  });
  const { alert, clearAlert, showError } = useApiErrors(form);
  const submit = form.onSubmit(async (values) => {
    clearAlert();
    const result = await log({ pairId, input: { happenedAt: new Date(values.happenedAt).toISOString(), durationMinutes: Number(values.durationMinutes), notes: values.notes.trim() || null } });
    if (result.error) return showError(result.error);
    form.reset();
    onSaved();
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('mentoring.logCheckIn')}>
      <Stack gap="xs">
        <FormAlert message={alert} />
        <Group grow align="flex-start">
          <TextInput type="datetime-local" label={t('mentoring.when')} required {...form.getInputProps('happenedAt')} />
          <NumberInput label={t('mentoring.duration')} required min={1} max={600} allowDecimal={false} {...form.getInputProps('durationMinutes')} />
        </Group>
        <Textarea label={t('mentoring.notes')} autosize minRows={1} {...form.getInputProps('notes')} />
        <Button type="submit" variant="light" loading={fetching} maw={240}>{t('mentoring.logCheckIn')}</Button>
      </Stack>
    </form>
  );
}

function Feedback({ pairId }: { pairId: string }) {
  const { t } = useTranslation();
  const [{ fetching }, send] = useMutation(MentoringFeedbackDocument);
  const [sent, setSent] = useState(false);
  const form = useForm({ initialValues: { rating: 0, goodFit: true, comment: '' }, validate: { rating: (value) => (value >= 1 ? null : t('mentoring.ratingRequired')) } });
  const { alert, clearAlert, showError } = useApiErrors(form, { prefix: '' });
  const submit = form.onSubmit(async (values) => {
    clearAlert();
    const result = await send({ pairId, rating: values.rating, goodFit: values.goodFit, comment: values.comment.trim() || null });
    if (result.error) return showError(result.error);
    setSent(true);
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('mentoring.feedback')}>
      <Stack gap="xs">
        <Text fw={600} size="sm" id={`rating-${pairId}`}>{t('mentoring.rating')}</Text>
        <Rating aria-labelledby={`rating-${pairId}`} value={form.getValues().rating} onChange={(value) => form.setFieldValue('rating', value)} />
        {form.errors.rating ? <Text c="red" size="sm">{form.errors.rating}</Text> : null}
        <Checkbox label={t('mentoring.goodFit')} {...form.getInputProps('goodFit', { type: 'checkbox' })} />
        <Textarea label={t('mentoring.comment')} autosize minRows={1} {...form.getInputProps('comment')} />
        <FormAlert message={alert} />
        <Button type="submit" variant="default" loading={fetching} maw={240}>{t('mentoring.sendFeedback')}</Button>
        {sent ? <Text size="sm" role="status">{t('mentoring.feedbackSent')}</Text> : null}
      </Stack>
    </form>
  );
}
