import { Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { type EventStatus, StaffCancelEventDocument, StaffEventCancellationPreviewDocument, StaffPublishEventDocument } from './events-console.generated.js';
import { formatMoney, formatNumber } from '../../../shared/formatting/format.js';
import { FormAlert } from '../../../shared/ui/forms/FormAlert.js';
import { useActionError } from '../../../shared/ui/forms/useActionError.js';
import { useApiErrors } from '../../../shared/ui/forms/useApiErrors.js';
import { ErrorState, LoadingState } from '../../../shared/ui/states.js';

/** Publish a draft; cancel an event, first showing who would be told and what would be refunded. */
export function EventLifecycle({ eventId, status, onChanged }: { eventId: string; status: EventStatus; onChanged: () => void }) {
  const { t } = useTranslation();
  const [publishing, publish] = useMutation(StaffPublishEventDocument);
  const publishError = useActionError();
  const [confirming, setConfirming] = useState(false);
  if (status === 'CANCELLED' || status === 'COMPLETED') return null;

  return (
    <Paper withBorder p="md" component="section" aria-label={t('staffEvents.lifecycle.label')}>
      <Stack>
        <FormAlert message={publishError.alert} />
        <Group>
          {status === 'DRAFT' ? (
            <Button
              loading={publishing.fetching}
              onClick={async () => {
                publishError.clearAlert();
                const result = await publish({ id: eventId });
                if (result.error) publishError.showError(result.error);
                else onChanged();
              }}
            >
              {t('staffEvents.lifecycle.publish')}
            </Button>
          ) : null}
          {!confirming ? (
            <Button variant="outline" color="red.9" onClick={() => setConfirming(true)}>
              {t('staffEvents.lifecycle.cancel')}
            </Button>
          ) : null}
        </Group>
        {confirming ? <CancelWithPreview eventId={eventId} onDone={onChanged} onClose={() => setConfirming(false)} /> : null}
      </Stack>
    </Paper>
  );
}

function CancelWithPreview({ eventId, onDone, onClose }: { eventId: string; onDone: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [preview] = useQuery({ query: StaffEventCancellationPreviewDocument, variables: { id: eventId }, requestPolicy: 'network-only' });
  const [cancelling, cancel] = useMutation(StaffCancelEventDocument);
  const form = useForm({ initialValues: { reason: '' }, validate: { reason: (v) => (v.trim() ? null : t('staffEvents.lifecycle.reasonRequired')) } });
  const { alert, clearAlert, showError } = useApiErrors(form, { prefix: '' });

  if (preview.fetching && !preview.data) return <LoadingState />;
  if (preview.error) return <ErrorState error={preview.error} />;
  const p = preview.data?.eventCancellationPreview;
  if (!p) return null;
  const total = p.refundTotal.length ? p.refundTotal.map((m) => formatMoney(m)).join(', ') : formatMoney({ amount: 0, currency: 'USD' });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async ({ reason }) => {
        clearAlert();
        const result = await cancel({ id: eventId, reason: reason.trim() });
        if (result.error) showError(result.error);
        else onDone();
      })}
    >
      <Stack>
        <Title order={2} size="h4">{t('staffEvents.lifecycle.previewTitle')}</Title>
        <Text fw={600}>{t('staffEvents.lifecycle.refunds', { count: p.refunds, total })}</Text>
        <List size="sm">
          <List.Item>{t('staffEvents.lifecycle.toCancel', { count: p.registrationsToCancel })}</List.Item>
          <List.Item>{t('staffEvents.lifecycle.breakdown', { confirmed: formatNumber(p.confirmed), waitlisted: formatNumber(p.waitlisted), pending: formatNumber(p.pendingPayment), offered: formatNumber(p.offered) })}</List.Item>
        </List>
        <FormAlert message={alert} />
        <Textarea label={t('staffEvents.lifecycle.reason')} description={t('staffEvents.lifecycle.reasonHint')} required {...form.getInputProps('reason')} />
        <Group>
          <Button type="submit" color="red.9" loading={cancelling.fetching}>{t('staffEvents.lifecycle.confirmCancel')}</Button>
          <Button variant="default" onClick={onClose}>{t('staffEvents.lifecycle.keep')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
