import { Button, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { FormAlert } from '../../../shared/ui/forms/FormAlert.js';
import { useActionError } from '../../../shared/ui/forms/useActionError.js';
import { StaffRollWebhookEndpointSecretDocument } from './integrations.generated.js';

const KEEP_HOURS = [0, 1, 24, 72] as const;

/** Rolls an endpoint's signing secret; the old one may keep signing beside the new one for a while. Answers the new secret. */
export function RollSecretForm({ endpoint, onRolled, onCancel }: { endpoint: { id: string; url: string }; onRolled: (secret: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [keep, setKeep] = useState('24');
  const [rolling, roll] = useMutation(StaffRollWebhookEndpointSecretDocument);
  const { alert, clearAlert, showError } = useActionError();
  const explainId = useId();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    clearAlert();
    const result = await roll({ id: endpoint.id, keepPreviousForHours: Number(keep) });
    if (result.error || !result.data) return result.error && showError(result.error);
    onRolled(result.data.rollWebhookEndpointSecret.secret);
  };

  return (
    <Paper withBorder p="md" component="form" aria-label={t('staffIntegrations.webhooks.rollLabel', { url: endpoint.url })} aria-describedby={explainId} onSubmit={(event) => void onSubmit(event)}>
      <Stack gap="sm">
        <Text size="sm" id={explainId}>{t('staffIntegrations.webhooks.rollExplain')}</Text>
        <NativeSelect
          label={t('staffIntegrations.webhooks.rollKeep')}
          value={keep}
          onChange={(event) => setKeep(event.currentTarget.value)}
          data={KEEP_HOURS.map((hours) => ({
            value: String(hours),
            label: hours === 0 ? t('staffIntegrations.webhooks.rollKeepNone') : t('staffIntegrations.webhooks.rollKeepHours', { count: hours }),
          }))}
        />
        <FormAlert message={alert} />
        <Group>
          <Button type="submit" size="xs" loading={rolling.fetching}>{t('staffIntegrations.webhooks.rollConfirm')}</Button>
          <Button size="xs" variant="default" onClick={onCancel}>{t('staffIntegrations.cancel')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
