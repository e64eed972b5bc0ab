import { Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { MentoringSetGoalDocument, MentoringUpdateGoalDocument, type MyMentoringQuery } from './mentoring.generated.js';
import { formatDate } from '../../shared/formatting/format.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useActionError } from '../../shared/ui/forms/useActionError.js';
import { useApiErrors } from '../../shared/ui/forms/useApiErrors.js';

type Goal = MyMentoringQuery['myMentoring'][number]['goals'][number];

/** The pair's goals: either side adds one and marks one done while the pair is active. */
export function PairGoals({ pairId, goals, active, onChanged }: { pairId: string; goals: Goal[]; active: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const [{ fetching: updating }, update] = useMutation(MentoringUpdateGoalDocument);
  const { alert, clearAlert, showError } = useActionError();
  const markDone = async (goalId: string) => {
    clearAlert();
    const result = await update({ goalId, input: { status: 'COMPLETED' } });
    if (result.error) return showError(result.error);
    onChanged();
  };
  return (
    <Stack gap="xs">
      {goals.length === 0 ? <Text size="sm">{t('mentoring.noGoals')}</Text> : null}
      <FormAlert message={alert} />
      {goals.map((g) => (
        <Group key={g.id} gap="xs" justify="space-between">
          <Text size="sm">{g.title}{g.targetDate ? ` (${formatDate(g.targetDate)})` : ''}</Text>
          <Group gap="xs">
            <Badge size="sm" variant="light" color={g.status === 'COMPLETED' ? 'green' : 'gray'}>{t(`mentoring.goalStatus.${g.status}`)}</Badge>
            {active && g.status === 'OPEN' ? (
              <Button size="xs" variant="light" loading={updating} onClick={() => void markDone(g.id)} aria-label={t('mentoring.markGoalDone', { title: g.title })}>{t('mentoring.markDone')}</Button>
            ) : null}
          </Group>
        </Group>
      ))}
      {active ? <AddGoal pairId={pairId} onAdded={onChanged} /> : null}
    </Stack>
  );
}

function AddGoal({ pairId, onAdded }: { pairId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [{ fetching }, setGoal] = useMutation(MentoringSetGoalDocument);
  const form = useForm({ initialValues: { title: '' }, validate: { title: (value) => (value.trim() ? null : t('mentoring.goalTitleRequired')) } });
  const { alert, clearAlert, showError } = useApiErrors(form);
  const submit = form.onSubmit(async (values) => {
    clearAlert();
    const result = await setGoal({ pairId, input: { title: values.title.trim() } });
    if (result.error) return showError(result.error);
    form.reset();
    onAdded();
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('mentoring.addGoal')}>
      <Stack gap={4}>
        <FormAlert message={alert} />
        <Group align="flex-end" gap="xs">
          <TextInput size="xs" label={t('mentoring.newGoal')} required {...form.getInputProps('title')} />
          <Button size="xs" type="submit" variant="light" loading={fetching}>{t('mentoring.addGoal')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
