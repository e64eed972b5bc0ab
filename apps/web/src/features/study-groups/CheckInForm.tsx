import { Button, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { StudyGroupCheckInDocument } from './my-study-groups.generated.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useApiErrors } from '../../shared/ui/forms/useApiErrors.js';

interface Values {
  done: string;
  next: string;
  blockers: string;
}

/** My accountability check-in for one meeting: what I did, what comes next, what is in the way. Again to change it. */
export function CheckInForm({ meetingId, initial, onSaved }: { meetingId: string; initial: Values | null; onSaved: () => void }) {
  const { t } = useTranslation();
  const [{ fetching }, logCheckIn] = useMutation(StudyGroupCheckInDocument);
  const form = useForm<Values>({
    initialValues: initial ?? { done: '', next: '', blockers: '' },
    validate: {
      done: (value) => (value.trim() ? null : t('studyGroups.doneRequired')),
      next: (value) => (value.trim() ? null : t('studyGroups.nextRequired')),
    },
  });
  const { alert, clearAlert, showError } = useApiErrors(form);
  const submit = form.onSubmit(async (values) => {
    clearAlert();
    const result = await logCheckIn({ meetingId, input: { done: values.done.trim(), next: values.next.trim(), blockers: values.blockers.trim() || null } });
    if (result.error) return showError(result.error);
    onSaved();
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('studyGroups.checkInForm')}>
      <Stack gap="xs">
        <FormAlert message={alert} />
        <Textarea label={t('studyGroups.done')} required autosize minRows={2} {...form.getInputProps('done')} />
        <Textarea label={t('studyGroups.next')} required autosize minRows={2} {...form.getInputProps('next')} />
        <Textarea label={t('studyGroups.blockers')} autosize minRows={1} {...form.getInputProps('blockers')} />
        <Button type="submit" loading={fetching} maw={240}>{initial ? t('studyGroups.updateCheckIn') : t('studyGroups.saveCheckIn')}</Button>
      </Stack>
    </form>
  );
}
