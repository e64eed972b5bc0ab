import { Anchor, Badge, Button, Card, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { NotFoundPage } from '../../not-found/NotFoundPage.js';
import { StaffCreateWebhookEndpointDocument, StaffDeleteWebhookEndpointDocument, StaffUpdateWebhookEndpointDocument, StaffWebhookEndpointsDocument, type StaffWebhookEndpointFieldsFragment } from './integrations.generated.js';
import { formatDateTime } from '../../../shared/formatting/format.js';
import { RequireStaff } from '../../../shared/session/guards.js';
import { FormAlert } from '../../../shared/ui/forms/FormAlert.js';
import { useActionError } from '../../../shared/ui/forms/useActionError.js';
import { Page } from '../../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../../shared/ui/states.js';
import { sectionAt } from '../staff-sections.js';
import { RollSecretForm } from './RollSecretForm.js';
import { SecretOnce } from './SecretOnce.js';
import { WebhookEndpointForm } from './WebhookEndpointForm.js';

const SECTION = sectionAt('/staff/integrations');
type Endpoint = StaffWebhookEndpointFieldsFragment;

/** Outgoing webhooks (admins): the endpoints, a new one (its secret shown once), edit, roll its secret, switch on/off, delete. */
export function WebhooksPage() {
  return (
    <RequireStaff fallback={<NotFoundPage />} permissions={SECTION.permissions}>
      <Webhooks />
    </RequireStaff>
  );
}

function Webhooks() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: StaffWebhookEndpointsDocument, requestPolicy: 'cache-and-network' });
  const [, create] = useMutation(StaffCreateWebhookEndpointDocument);
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const [formKey, setFormKey] = useState(0);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  let list;
  if (fetching && !data) list = <LoadingState />;
  else if (error) list = <ErrorState error={error} />;
  else if (!data?.webhookEndpoints.length) list = <EmptyState title={t('staffIntegrations.webhooks.empty')} />;
  else list = <Stack>{data.webhookEndpoints.map((endpoint) => <EndpointCard key={endpoint.id} endpoint={endpoint} onDeleted={reload} />)}</Stack>;

  return (
    <Page title={t('staffIntegrations.webhooks.title')}>
      <Stack gap="xl">
        <Text size="sm">{t('staffIntegrations.webhooks.explain')}</Text>
        <Paper withBorder p="lg" component="section" aria-labelledby="webhooks-new">
          <Stack>
            <Title order={2} size="h3" id="webhooks-new">{t('staffIntegrations.webhooks.newTitle')}</Title>
            {created ? <SecretOnce title={t('staffIntegrations.webhooks.createdTitle', { url: created.url })} secret={created.secret} onDone={() => setCreated(null)} /> : null}
            <WebhookEndpointForm
              key={formKey}
              label={t('staffIntegrations.webhooks.newTitle')}
              initial={{ url: '', description: '', events: [] }}
              submitLabel={t('staffIntegrations.webhooks.create')}
              onSubmit={async (values) => {
                const result = await create({ input: { url: values.url, events: values.events, description: values.description || undefined } });
                if (result.error || !result.data) return result.error;
                setCreated({ url: result.data.createWebhookEndpoint.endpoint.url, secret: result.data.createWebhookEndpoint.secret });
                setFormKey((key) => key + 1);
                reload();
                return undefined;
              }}
            />
          </Stack>
        </Paper>
        <section aria-labelledby="webhooks-list">
          <Stack>
            <Title order={2} size="h3" id="webhooks-list">{t('staffIntegrations.webhooks.listTitle')}</Title>
            {list}
          </Stack>
        </section>
      </Stack>
    </Page>
  );
}

function EndpointCard({ endpoint, onDeleted }: { endpoint: Endpoint; onDeleted: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [rollingSecret, setRollingSecret] = useState(false);
  const [rolledSecret, setRolledSecret] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [updating, update] = useMutation(StaffUpdateWebhookEndpointDocument);
  const [deleting, remove] = useMutation(StaffDeleteWebhookEndpointDocument);
  const { alert, clearAlert, showError } = useActionError();

  const onToggle = async (enabled: boolean) => {
    clearAlert();
    const result = await update({ id: endpoint.id, input: { enabled } });
    if (result.error) showError(result.error);
  };
  const onDelete = async () => {
    clearAlert();
    const result = await remove({ id: endpoint.id });
    if (result.error) return showError(result.error);
    onDeleted();
  };

  return (
    <Card withBorder component="article" aria-label={endpoint.url}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Text fw={600} style={{ wordBreak: 'break-all' }}>{endpoint.url}</Text>
          <Badge color={endpoint.enabled ? 'green' : 'gray'} variant="light">{endpoint.enabled ? t('staffIntegrations.webhooks.enabled') : t('staffIntegrations.webhooks.disabled')}</Badge>
        </Group>
        {endpoint.description ? <Text size="sm">{endpoint.description}</Text> : null}
        <Text size="xs" c="dimmed">{endpoint.events.join(', ')}</Text>
        {endpoint.disabledReason ? <Text size="sm" c="red">{t('staffIntegrations.webhooks.disabledReason', { reason: endpoint.disabledReason })}</Text> : null}
        {endpoint.failingSince ? <Text size="sm" c="orange">{t('staffIntegrations.webhooks.failingSince', { when: formatDateTime(endpoint.failingSince) })}</Text> : null}
        {endpoint.previousSecretExpiresAt ? <Text size="sm">{t('staffIntegrations.webhooks.previousSigns', { when: formatDateTime(endpoint.previousSecretExpiresAt) })}</Text> : null}
        <FormAlert message={alert} />
        {rolledSecret ? <SecretOnce title={t('staffIntegrations.webhooks.rolledTitle', { url: endpoint.url })} secret={rolledSecret} onDone={() => setRolledSecret(null)} /> : null}
        {rollingSecret ? (
          <RollSecretForm
            endpoint={endpoint}
            onCancel={() => setRollingSecret(false)}
            onRolled={(secret) => {
              setRollingSecret(false);
              setRolledSecret(secret);
            }}
          />
        ) : editing ? (
          <WebhookEndpointForm
            label={t('staffIntegrations.webhooks.editLabel', { url: endpoint.url })}
            initial={{ url: endpoint.url, description: endpoint.description ?? '', events: endpoint.events }}
            submitLabel={t('staffIntegrations.webhooks.save')}
            onCancel={() => setEditing(false)}
            onSubmit={async (values) => {
              const result = await update({ id: endpoint.id, input: { url: values.url, events: values.events, description: values.description } });
              if (result.error) return result.error;
              setEditing(false);
              return undefined;
            }}
          />
        ) : (
          <Group wrap="wrap">
            <Switch
              label={t('staffIntegrations.webhooks.enabledSwitch')}
              checked={endpoint.enabled}
              disabled={updating.fetching}
              onChange={(event) => void onToggle(event.currentTarget.checked)}
            />
            <Anchor component={Link} to={`/staff/integrations/webhooks/${endpoint.id}`}>{t('staffIntegrations.webhooks.deliveriesLink')}</Anchor>
            <Button size="xs" variant="default" onClick={() => setEditing(true)}>{t('staffIntegrations.webhooks.edit')}</Button>
            <Button size="xs" variant="default" onClick={() => setRollingSecret(true)}>{t('staffIntegrations.webhooks.roll')}</Button>
            {confirmDelete ? (
              <>
                <Button size="xs" color="red" loading={deleting.fetching} onClick={() => void onDelete()}>{t('staffIntegrations.webhooks.confirmDelete')}</Button>
                <Button size="xs" variant="default" onClick={() => setConfirmDelete(false)}>{t('staffIntegrations.cancel')}</Button>
              </>
            ) : (
              <Button size="xs" variant="light" color="red" onClick={() => setConfirmDelete(true)}>{t('staffIntegrations.webhooks.delete')}</Button>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
