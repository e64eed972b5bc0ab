import { Badge, Button, Card, Group, NumberInput, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { StudyGroupAddGoalDocument, StudyGroupUpdateGoalDocument, type StudyGroupWorkspaceQuery } from './my-study-groups.generated.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useActionError } from '../../shared/ui/forms/useActionError.js';
import { useApiErrors } from '../../shared/ui/forms/useApiErrors.js';
import { EmptyState } from '../../shared/ui/states.js';

type Goal = NonNullable<StudyGroupWorkspaceQuery['studyGroup']>['goals'][number];

/** The group's goals with their progress (any member moves it on), and a form to add one. */
export function GoalsSection({ groupId, goals, onAdded }: { groupId: string; goals: Goal[]; onAdded: () => void }) {
  const { t } = useTranslation();
  const [{ fetching }, addGoal] = useMutation(StudyGroupAddGoalDocument);
  const form = useForm({
    initialValues: { title: '', description: '' },
    validate: { title: (value) => (value.trim() ? null : t('studyGroups.goalTitleRequired')) },
  });
  const { alert, clearAlert, showError } = useApiErrors(form);
  const submit = form.onSubmit(async (values) => {
    clearAlert();
    const result = await addGoal({ groupId, input: { title: values.title.trim(), description: values.description.trim() || null } });
    if (result.error) return showError(result.error);
    form.reset();
    onAdded();
  });
  return (
    <Card withBorder component="section" aria-labelledby="group-goals">
      <Stack>
        <Title order={2} size="h4" id="group-goals">{t('studyGroups.goals')}</Title>
        {goals.length === 0 ? <EmptyState title={t('studyGroups.noGoals')} /> : null}
        {goals.map((goal) => (
          <Stack key={goal.id} gap={4}>
            <Text fw={600}>{goal.title}</Text>
            {goal.description ? <Text size="sm">{goal.description}</Text> : null}
            <Progress value={goal.progress} aria-label={t('studyGroups.goalProgress', { title: goal.title, progress: goal.progress })} />
            {goal.status === 'OPEN' ? <ProgressForm goal={goal} onSaved={onAdded} /> : <Badge variant="light" w="fit-content">{goal.status === 'ACHIEVED' ? t('studyGroups.goalAchieved') : goal.status}</Badge>}
          </Stack>
        ))}
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            <FormAlert message={alert} />
            <TextInput label={t('studyGroups.goalTitle')} required {...form.getInputProps('title')} />
            <TextInput label={t('studyGroups.goalDescription')} {...form.getInputProps('description')} />
            <Button type="submit" loading={fetching} variant="light" maw={240}>{t('studyGroups.addGoal')}</Button>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}

function ProgressForm({ goal, onSaved }: { goal: Goal; onSaved: () => void }) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<number | string>(goal.progress);
  const [{ fetching }, update] = useMutation(StudyGroupUpdateGoalDocument);
  const { alert, clearAlert, showError } = useActionError();
  const save = async () => {
    clearAlert();
    const result = await update({ goalId: goal.id, input: { progress: Number(progress) } });
    if (result.error) return showError(result.error);
    onSaved();
  };
  return (
    <Stack gap={4}>
      <FormAlert message={alert} />
      <Group align="flex-end" gap="xs">
        <NumberInput size="xs" w={200} min={0} max={100} step={10} clampBehavior="strict" label={t('studyGroups.goalProgressInput', { title: goal.title })} value={progress} onChange={setProgress} />
        <Button size="xs" variant="light" loading={fetching} onClick={() => void save()} aria-label={t('studyGroups.saveProgressOf', { title: goal.title })}>{t('studyGroups.saveProgress')}</Button>
      </Group>
    </Stack>
  );
}
