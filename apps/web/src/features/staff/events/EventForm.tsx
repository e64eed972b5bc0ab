import { ActionIcon, Button, Checkbox, Fieldset, Group, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { FormAlert } from '../../../shared/ui/forms/FormAlert.js';
import { useApiErrors } from '../../../shared/ui/forms/useApiErrors.js';
import { emptySession, type EventFormValues, formFieldOf, isHttpUrl, registrationWindowProblem, toEventInput } from './event-form.js';

const KINDS = ['WORKSHOP', 'CONFERENCE', 'COURSE', 'MEETUP', 'WEBINAR'] as const;
const FORMATS = ['IN_PERSON', 'VIRTUAL', 'HYBRID'] as const;
const zones = (): string[] => (typeof Intl.supportedValuesOf === 'function' ? ['UTC', ...Intl.supportedValuesOf('timeZone')] : ['UTC']);

export type EventInputValues = ReturnType<typeof toEventInput>;

/**
 * Create or edit an event: details, sessions (times in the event's zone), capacity, prices and
 * credits. `onSave` answers with the API's error, whose fields land beside their inputs.
 */
export function EventForm({ initial, submitLabel, onSave }: { initial: EventFormValues; submitLabel: string; onSave: (input: EventInputValues) => Promise<CombinedError | undefined> }) {
  const { t } = useTranslation();
  const form = useForm<EventFormValues>({
    initialValues: initial,
    validate: {
      title: (v) => (v.trim() ? null : t('staffEvents.form.required')),
      timezone: (v) => (v.trim() ? null : t('staffEvents.form.required')),
      currency: (v) => (/^[A-Za-z]{3}$/.test(v.trim()) ? null : t('staffEvents.form.currencyInvalid')),
      onlineUrl: (v) => (!v.trim() || isHttpUrl(v) ? null : t('staffPolish.eventForm.onlineUrlInvalid')),
      registrationOpensAt: (_v, values) => {
        const problem = registrationWindowProblem(values, 'registrationOpensAt');
        return problem ? t(`staffPolish.eventForm.${problem}`) : null;
      },
      registrationClosesAt: (_v, values) => {
        const problem = registrationWindowProblem(values, 'registrationClosesAt');
        return problem ? t(`staffPolish.eventForm.${problem}`) : null;
      },
      sessions: {
        title: (v) => (v.trim() ? null : t('staffEvents.form.required')),
        startsAt: (v) => (v ? null : t('staffEvents.form.required')),
        endsAt: (v) => (v ? null : t('staffEvents.form.required')),
      },
    },
  });
  // API error paths (after `input.`) mapped onto this form's fields; the rest go to the alert.
  const target = useMemo(
    () => ({
      getValues: () => new Proxy({}, { has: (_target, key) => typeof key === 'string' && formFieldOf(key) !== null }),
      setFieldError: (path: string, error: string) => form.setFieldError(formFieldOf(path) ?? path, error),
    }),
    [form],
  );
  const { alert, clearAlert, showError } = useApiErrors(target);
  const zoneOptions = useMemo(() => zones(), []);

  const submit = form.onSubmit(async (values) => {
    clearAlert();
    const error = await onSave(toEventInput(values));
    if (error) showError(error);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormAlert message={alert} />
        <TextInput label={t('staffEvents.form.title')} required {...form.getInputProps('title')} />
        <Textarea label={t('staffEvents.form.description')} autosize minRows={3} {...form.getInputProps('description')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={t('staffEvents.form.kind')} data={KINDS.map((k) => ({ value: k, label: t(`staffEvents.kind.${k}`) }))} allowDeselect={false} {...form.getInputProps('kind')} />
          <Select label={t('staffEvents.form.format')} data={FORMATS.map((f) => ({ value: f, label: t(`staffEvents.format.${f}`) }))} allowDeselect={false} {...form.getInputProps('format')} />
          <Select label={t('staffEvents.form.timezone')} description={t('staffEvents.form.timezoneHint')} data={zoneOptions} searchable allowDeselect={false} required {...form.getInputProps('timezone')} />
          <TextInput label={t('staffEvents.form.venue')} {...form.getInputProps('venue')} />
          <TextInput type="url" label={t('staffPolish.eventForm.onlineUrl')} description={t('staffPolish.eventForm.onlineUrlHint')} maxLength={2000} {...form.getInputProps('onlineUrl')} />
          <TextInput type="datetime-local" label={t('staffPolish.eventForm.registrationOpensAt')} description={t('staffPolish.eventForm.registrationOpensAtHint')} {...form.getInputProps('registrationOpensAt')} />
          <TextInput type="datetime-local" label={t('staffPolish.eventForm.registrationClosesAt')} description={t('staffPolish.eventForm.registrationClosesAtHint')} {...form.getInputProps('registrationClosesAt')} />
          <NumberInput label={t('staffEvents.form.capacity')} description={t('staffEvents.form.capacityHint')} min={1} allowDecimal={false} {...form.getInputProps('capacity')} />
          <NumberInput label={t('staffEvents.form.waitlistLimit')} description={t('staffEvents.form.waitlistLimitHint')} min={0} allowDecimal={false} {...form.getInputProps('waitlistLimit')} />
          <TextInput label={t('staffEvents.form.currency')} description={t('staffEvents.form.currencyHint')} maxLength={3} required {...form.getInputProps('currency')} />
          <NumberInput label={t('staffEvents.form.memberPrice')} min={0} decimalScale={2} {...form.getInputProps('memberPrice')} />
          <NumberInput label={t('staffEvents.form.nonMemberPrice')} min={0} decimalScale={2} {...form.getInputProps('nonMemberPrice')} />
        </SimpleGrid>
        <Checkbox label={t('staffEvents.form.membersOnly')} {...form.getInputProps('membersOnly', { type: 'checkbox' })} />
        {form.values.sessions.map((_, index) => (
          <Fieldset key={index} legend={t('staffEvents.form.session', { number: index + 1 })}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('staffEvents.form.sessionTitle')} required {...form.getInputProps(`sessions.${index}.title`)} />
              <TextInput label={t('staffEvents.form.ceCategory')} {...form.getInputProps(`sessions.${index}.ceCategory`)} />
              <TextInput type="datetime-local" label={t('staffEvents.form.startsAt')} required {...form.getInputProps(`sessions.${index}.startsAt`)} />
              <TextInput type="datetime-local" label={t('staffEvents.form.endsAt')} required {...form.getInputProps(`sessions.${index}.endsAt`)} />
              <NumberInput label={t('staffEvents.form.ceCredits')} min={0} decimalScale={2} {...form.getInputProps(`sessions.${index}.ceCredits`)} />
            </SimpleGrid>
            {form.values.sessions.length > 1 ? (
              <Group justify="flex-end" mt="sm">
                <ActionIcon variant="light" color="red.9" size="lg" aria-label={t('staffEvents.form.removeSession', { number: index + 1 })} onClick={() => form.removeListItem('sessions', index)}>
                  ×
                </ActionIcon>
              </Group>
            ) : null}
          </Fieldset>
        ))}
        <Group>
          <Button variant="default" onClick={() => form.insertListItem('sessions', emptySession())}>
            {t('staffEvents.form.addSession')}
          </Button>
          <Button type="submit" loading={form.submitting}>{submitLabel}</Button>
        </Group>
      </Stack>
    </form>
  );
}
