import { Button, Checkbox, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { FormAlert } from '../../../shared/ui/forms/FormAlert.js';
import { useApiErrors } from '../../../shared/ui/forms/useApiErrors.js';
import { WEBHOOK_EVENTS } from './webhook-events.js';

export interface WebhookEndpointValues {
  url: string;
  description: string;
  events: string[];
}

/** URL, description and event types of an endpoint; for creating one and for editing it. */
export function WebhookEndpointForm({
  initial,
  submitLabel,
  label,
  onSubmit,
  onCancel,
}: {
  initial: WebhookEndpointValues;
  submitLabel: string;
  label: string;
  onSubmit: (values: WebhookEndpointValues) => Promise<CombinedError | undefined>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: initial,
    validate: {
      url: (value) => (/^https?:\/\/\S+$/.test(value.trim()) ? null : t('staffIntegrations.webhooks.urlInvalid')),
      events: (value) => (value.length ? null : t('staffIntegrations.webhooks.eventsRequired')),
    },
  });
  const { alert, clearAlert, showError } = useApiErrors(form);
  const submit = form.onSubmit(async (values) => {
    clearAlert();
    const error = await onSubmit({ url: values.url.trim(), description: values.description.trim(), events: values.events });
    if (error) showError(error);
  });
  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <Stack>
        <FormAlert message={alert} />
        <TextInput label={t('staffIntegrations.webhooks.url')} type="url" required {...form.getInputProps('url')} />
        <TextInput label={t('staffIntegrations.webhooks.descriptionLabel')} {...form.getInputProps('description')} />
        <Checkbox.Group label={t('staffIntegrations.webhooks.events')} required {...form.getInputProps('events')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
            {WEBHOOK_EVENTS.map((event) => (
              <Checkbox key={event} value={event} label={event} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Group>
          <Button type="submit" loading={form.submitting}>{submitLabel}</Button>
          {onCancel ? <Button variant="default" onClick={onCancel}>{t('staffIntegrations.cancel')}</Button> : null}
        </Group>
      </Stack>
    </form>
  );
}
