import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { NotFoundPage } from '../../not-found/NotFoundPage.js';
import { StaffResendWebhookDeliveryDocument, StaffWebhookDeliveriesDocument, type StaffWebhookDeliveryFieldsFragment, type WebhookDeliveryStatus } from './integrations.generated.js';
import { formatDateTime, formatNumber } from '../../../shared/formatting/format.js';
import { RequireStaff } from '../../../shared/session/guards.js';
import { FormAlert } from '../../../shared/ui/forms/FormAlert.js';
import { useActionError } from '../../../shared/ui/forms/useActionError.js';
import { Page } from '../../../shared/ui/Page.js';
import { PagedLogTable } from '../PagedLogTable.js';
import { sectionAt } from '../staff-sections.js';

const SECTION = sectionAt('/staff/integrations');
const PAGE_SIZE = 20;
const STATUS_COLOR: Record<WebhookDeliveryStatus, string> = { DELIVERED: 'green', PENDING: 'blue', FAILED: 'red' };

/** One endpoint's delivery log, newest first: status, attempts, each attempt's answer and latency; "send again". */
export function WebhookDeliveriesPage() {
  return (
    <RequireStaff fallback={<NotFoundPage />} permissions={SECTION.permissions}>
      <Deliveries />
    </RequireStaff>
  );
}

function Deliveries() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const after = params.get('after') ?? undefined;
  const [{ data, fetching, error }, refetch] = useQuery({
    query: StaffWebhookDeliveriesDocument,
    variables: { endpointId: id, first: PAGE_SIZE, after },
    requestPolicy: 'cache-and-network',
  });
  const body = (
    <PagedLogTable
      page={data?.webhookDeliveries}
      fetching={fetching}
      error={error}
      emptyTitle={t('staffIntegrations.deliveries.empty')}
      count={(total) => t('staffIntegrations.deliveries.count', { count: total, total: formatNumber(total) })}
      label={t('staffIntegrations.deliveries.tableLabel')}
      columns={[
        t('staffIntegrations.deliveries.created'),
        t('staffIntegrations.deliveries.event'),
        t('staffIntegrations.deliveries.status'),
        t('staffIntegrations.deliveries.attempts'),
        t('staffIntegrations.deliveries.lastAttempt'),
        t('staffIntegrations.deliveries.actions'),
      ]}
      row={(node) => <DeliveryRow key={node.id} delivery={node} />}
      after={after}
      pagerKey={id}
      onGo={(cursor) => setParams(cursor ? new URLSearchParams({ after: cursor }) : new URLSearchParams())}
    />
  );

  return (
    <Page title={t('staffIntegrations.deliveries.title')}>
      <Stack>
        <Group>
          <Anchor component={Link} to="/staff/integrations/webhooks">{t('staffIntegrations.deliveries.back')}</Anchor>
          <Button size="xs" variant="default" onClick={() => refetch({ requestPolicy: 'network-only' })}>{t('staffIntegrations.deliveries.refresh')}</Button>
        </Group>
        {body}
      </Stack>
    </Page>
  );
}

function DeliveryRow({ delivery }: { delivery: StaffWebhookDeliveryFieldsFragment }) {
  const { t } = useTranslation();
  const [{ fetching }, resend] = useMutation(StaffResendWebhookDeliveryDocument);
  const { alert, clearAlert, showError } = useActionError();
  const last = delivery.attemptLog[0];
  const onResend = async () => {
    clearAlert();
    const result = await resend({ deliveryId: delivery.id });
    if (result.error) showError(result.error);
  };
  return (
    <Table.Tr>
      <Table.Td>{formatDateTime(delivery.createdAt)}</Table.Td>
      <Table.Td>
        <Text size="sm">{delivery.eventType}</Text>
        <Text size="xs" c="dimmed">{delivery.eventId}</Text>
      </Table.Td>
      <Table.Td>
        <Badge color={STATUS_COLOR[delivery.status]} variant="light">{t(`staffIntegrations.deliveries.statuses.${delivery.status}`)}</Badge>
      </Table.Td>
      <Table.Td>{formatNumber(delivery.attempts)}</Table.Td>
      <Table.Td>
        {last ? (
          <Stack gap={0}>
            <Text size="sm">
              {t('staffIntegrations.deliveries.attemptLine', {
                status: last.statusCode ?? t('staffIntegrations.deliveries.noAnswer'),
                latency: formatNumber(last.latencyMs),
              })}
            </Text>
            <Text size="xs" c="dimmed">{formatDateTime(last.attemptedAt)}</Text>
            {last.error ? <Text size="xs" c="red">{last.error}</Text> : null}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">{t('staffIntegrations.deliveries.notYet')}</Text>
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <Button size="xs" variant="default" loading={fetching} onClick={() => void onResend()} aria-label={t('staffIntegrations.deliveries.resendLabel', { event: delivery.eventType, id: delivery.eventId })}>
            {t('staffIntegrations.deliveries.resend')}
          </Button>
          <FormAlert message={alert} />
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
