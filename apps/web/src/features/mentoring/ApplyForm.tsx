import { Button, NumberInput, Radio, Select, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { MentoringApplyDocument, type MentoringRole, type MeetingFormat } from './mentoring.generated.js';
import { viewerTimeZone } from '../../shared/formatting/format.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useApiErrors } from '../../shared/ui/forms/useApiErrors.js';

interface Values {
  role: MentoringRole;
  topics: string[];
  yearsOfExperience: number | string;
  preferredFormat: MeetingFormat;
  timezone: string;
  capacity: number | string;
  goals: string;
}

/** Applying to one cohort as a mentor or a mentee. The API names the field of any problem; inputs stay. */
export function ApplyForm({ cohortId, cohortName, onApplied }: { cohortId: string; cohortName: string; onApplied?: () => void }) {
  const { t } = useTranslation();
  const [{ fetching }, apply] = useMutation(MentoringApplyDocument);
  const [applied, setApplied] = useState<MentoringRole | null>(null);
  const form = useForm<Values>({
    initialValues: { role: 'MENTEE', topics: [], yearsOfExperience: 0, preferredFormat: 'EITHER', timezone: viewerTimeZone(), capacity: 1, goals: '' },
    validate: {
      topics: (value) => (value.length > 0 ? null : t('mentoring.topicsRequired')),
      yearsOfExperience: (value) => (value === '' || Number(value) < 0 ? t('mentoring.yearsRequired') : null),
      timezone: (value) => (value.trim() ? null : t('mentoring.timezoneRequired')),
    },
  });
  const { alert, clearAlert, showError } = useApiErrors(form);
  const submit = form.onSubmit(async (values) => {
    clearAlert();
    const result = await apply({
      input: {
        cohortId,
        role: values.role,
        topics: values.topics,
        yearsOfExperience: Number(values.yearsOfExperience),
        preferredFormat: values.preferredFormat,
        timezone: values.timezone.trim(),
        goals: values.goals.trim() || null,
        ...(values.role === 'MENTOR' ? { capacity: Number(values.capacity) } : {}),
      },
    });
    if (result.error) return showError(result.error);
    setApplied(values.role);
    onApplied?.();
  });

  if (applied) {
    return <Text role="status" fw={600}>{t('mentoring.applied', { role: t(`mentoring.roles.${applied}`), cohort: cohortName })}</Text>;
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('mentoring.applyTo', { cohort: cohortName })}>
      <Stack gap="sm">
        <FormAlert message={alert} />
        <Radio.Group label={t('mentoring.role')} required {...form.getInputProps('role')}>
          <Stack gap={6} mt={6}>
            <Radio value="MENTEE" label={t('mentoring.roles.MENTEE')} />
            <Radio value="MENTOR" label={t('mentoring.roles.MENTOR')} />
          </Stack>
        </Radio.Group>
        <TagsInput label={t('mentoring.topics')} description={t('mentoring.topicsHint')} required maxTags={10} {...form.getInputProps('topics')} />
        <NumberInput label={t('mentoring.years')} required min={0} max={60} allowDecimal={false} {...form.getInputProps('yearsOfExperience')} />
        <Select
          label={t('mentoring.format')}
          required
          allowDeselect={false}
          data={[
            { value: 'EITHER', label: t('mentoring.formats.EITHER') },
            { value: 'VIDEO', label: t('mentoring.formats.VIDEO') },
            { value: 'IN_PERSON', label: t('mentoring.formats.IN_PERSON') },
          ]}
          {...form.getInputProps('preferredFormat')}
        />
        <TextInput label={t('mentoring.timezone')} description={t('mentoring.timezoneHint')} required {...form.getInputProps('timezone')} />
        {form.getValues().role === 'MENTOR' ? (
          <NumberInput label={t('mentoring.capacity')} min={1} max={5} allowDecimal={false} {...form.getInputProps('capacity')} />
        ) : null}
        <Textarea label={t('mentoring.goals')} autosize minRows={2} {...form.getInputProps('goals')} />
        <Button type="submit" loading={fetching} maw={260}>{t('mentoring.apply')}</Button>
      </Stack>
    </form>
  );
}
