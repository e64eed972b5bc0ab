import { Alert, Badge, Button, Checkbox, Code, CopyButton, Group, List, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { type AccountApiTokenFieldsFragment, AccountApiTokensDocument, AccountCreateApiTokenDocument, AccountRevokeApiTokenDocument } from './api-tokens.generated.js';
import { formatDate, formatDateTime } from '../../shared/formatting/format.js';
import { useSession } from '../../shared/session/SessionProvider.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useApiErrors } from '../../shared/ui/forms/useApiErrors.js';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states.js';
import { useRevokeToken } from '../../shared/api-tokens/useRevokeToken.js';

const EXPIRY_DAYS = ['30', '90', '180', '365'] as const;
const DAY_MS = 86_400_000;
/** The expiry sent with a new token (ISO 8601), counted from the moment of the press. */
const daysFromNow = (days: number): string => new Date(Date.now() + days * DAY_MS).toISOString();

/** "My tokens": make a personal access token (its secret shown once), see when each was last used, revoke. */
export function ApiTokensSection() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AccountApiTokensDocument, requestPolicy: 'cache-and-network' });
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  let list;
  if (fetching && !data) list = <LoadingState />;
  else if (error) list = <ErrorState error={error} />;
  else if (!data?.myApiTokens.length) list = <EmptyState title={t('apiTokens.empty')} />;
  else
    list = (
      <List listStyleType="none" spacing="md" aria-label={t('apiTokens.listLabel')}>
        {data.myApiTokens.map((token) => (
          <List.Item key={token.id}>
            <TokenRow token={token} />
          </List.Item>
        ))}
      </List>
    );

  return (
    <Stack>
      <Text size="sm">{t('apiTokens.explain')}</Text>
      {secret ? <SecretOnce name={secret.name} secret={secret.value} onDone={() => setSecret(null)} /> : null}
      <CreateTokenForm
        onCreated={(name, value) => {
          setSecret({ name, value });
          reload();
        }}
      />
      {list}
    </Stack>
  );
}

function SecretOnce({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert role="status" color="green" variant="light" title={t('apiTokens.createdTitle', { name })}>
      <Stack gap="xs">
        <Text size="sm">{t('apiTokens.secretOnce')}</Text>
        <Code block aria-label={t('apiTokens.secretLabel')} style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>{secret}</Code>
        <Group>
          <CopyButton value={secret}>
            {({ copied, copy }) => <Button size="xs" variant="default" onClick={copy}>{copied ? t('apiTokens.copied') : t('apiTokens.copy')}</Button>}
          </CopyButton>
          <Button size="xs" onClick={onDone}>{t('apiTokens.secretSaved')}</Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (name: string, secret: string) => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const scopes = [...(session?.user.staffPermissions ?? []), 'READ_MEMBERS'];
  const [{ fetching }, create] = useMutation(AccountCreateApiTokenDocument);
  const form = useForm({
    initialValues: { name: '', scopes: [] as string[], expiresInDays: '90' },
    validate: {
      name: (value) => (value.trim() ? null : t('apiTokens.nameRequired')),
      scopes: (value) => (value.length ? null : t('apiTokens.scopesRequired')),
    },
  });
  const { alert, clearAlert, showError } = useApiErrors(form);
  const submit = form.onSubmit(async (values) => {
    clearAlert();
    const expiresAt = daysFromNow(Number(values.expiresInDays));
    const result = await create({ input: { name: values.name.trim(), scopes: values.scopes, expiresAt } });
    if (result.error || !result.data) return result.error && showError(result.error);
    onCreated(result.data.createApiToken.token.name, result.data.createApiToken.secret);
    form.reset();
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('apiTokens.createLabel')}>
      <Stack>
        <FormAlert message={alert} />
        <TextInput label={t('apiTokens.name')} required maw={360} {...form.getInputProps('name')} />
        <Checkbox.Group label={t('apiTokens.scopes')} required {...form.getInputProps('scopes')}>
          <Group mt="xs">
            {scopes.map((scope) => (
              <Checkbox key={scope} value={scope} label={scope === 'READ_MEMBERS' ? t('apiTokens.readMembers') : scope} />
            ))}
          </Group>
        </Checkbox.Group>
        <Select
          label={t('apiTokens.expiresIn')}
          data={EXPIRY_DAYS.map((days) => ({ value: days, label: t('apiTokens.days', { count: Number(days) }) }))}
          allowDeselect={false}
          maw={240}
          {...form.getInputProps('expiresInDays')}
        />
        <Button type="submit" loading={fetching} w="fit-content">{t('apiTokens.create')}</Button>
      </Stack>
    </form>
  );
}

function TokenRow({ token }: { token: AccountApiTokenFieldsFragment }) {
  const { t } = useTranslation();
  const { expired, onRevoke, revoking: fetching, alert } = useRevokeToken(AccountRevokeApiTokenDocument, token);
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text fw={600}>{token.name}</Text>
        <Code>{token.secretPrefix}…</Code>
        {token.revokedAt ? <Badge color="gray" variant="light">{t('apiTokens.revoked')}</Badge> : expired ? <Badge color="gray" variant="light">{t('apiTokens.expired')}</Badge> : <Badge color="green" variant="light">{t('apiTokens.active')}</Badge>}
      </Group>
      <Text size="xs" c="dimmed">{token.scopes.join(', ')}</Text>
      <Text size="xs" c="dimmed">
        {t('apiTokens.dates', {
          created: formatDate(token.createdAt),
          expires: formatDate(token.expiresAt),
          used: token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('apiTokens.neverUsed'),
        })}
      </Text>
      <FormAlert message={alert} />
      {!token.revokedAt && !expired ? (
        <Button size="xs" variant="light" color="red" loading={fetching} onClick={() => void onRevoke()} w="fit-content" aria-label={t('apiTokens.revokeLabel', { name: token.name })}>
          {t('apiTokens.revoke')}
        </Button>
      ) : null}
    </Stack>
  );
}
