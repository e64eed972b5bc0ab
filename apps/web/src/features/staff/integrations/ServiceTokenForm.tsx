import { Button, Checkbox, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { StaffCreateServiceTokenDocument } from './integrations.generated.js';
import { FormAlert } from '../../../shared/ui/forms/FormAlert.js';
import { useApiErrors } from '../../../shared/ui/forms/useApiErrors.js';

const SCOPES = ['MEMBERSHIP_MANAGER', 'FINANCE', 'EVENT_MANAGER', 'CHECK_IN', 'MENTORING_COORDINATOR', 'COMMUNITY_MANAGER', 'READ_MEMBERS'] as const;
const EXPIRY_DAYS = ['30', '90', '180', '365'] as const;
/** The expiry sent with a new token (ISO 8601), counted from the moment of the press. */
const daysFromNow = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();

/** A service token (admins): an integration's own credential, named and scoped; its secret is shown once by the caller. */
export function ServiceTokenForm({ onCreated }: { onCreated: (name: string, secret: string) => void }) {
  const { t } = useTranslation();
  const [{ fetching }, create] = useMutation(StaffCreateServiceTokenDocument);
  const form = useForm({
    initialValues: { name: '', scopes: [] as string[], expiresInDays: '90' },
    validate: {
      name: (value) => (value.trim() ? null : t('staffIntegrations.tokens.nameRequired')),
      scopes: (value) => (value.length ? null : t('staffIntegrations.tokens.scopesRequired')),
    },
  });
  const { alert, clearAlert, showError } = useApiErrors(form);
  const submit = form.onSubmit(async (values) => {
    clearAlert();
    const result = await create({ input: { name: values.name.trim(), kind: 'SERVICE', scopes: values.scopes, expiresAt: daysFromNow(Number(values.expiresInDays)) } });
    if (result.error || !result.data) return result.error && showError(result.error);
    onCreated(result.data.createApiToken.token.name, result.data.createApiToken.secret);
    form.reset();
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('staffIntegrations.tokens.newTitle')}>
      <Stack>
        <FormAlert message={alert} />
        <TextInput label={t('staffIntegrations.tokens.name')} required maw={360} {...form.getInputProps('name')} />
        <Checkbox.Group label={t('staffIntegrations.tokens.scopes')} required {...form.getInputProps('scopes')}>
          <Group mt="xs">
            {SCOPES.map((scope) => (
              <Checkbox key={scope} value={scope} label={scope} />
            ))}
          </Group>
        </Checkbox.Group>
        <Select
          label={t('staffIntegrations.tokens.expiresIn')}
          data={EXPIRY_DAYS.map((days) => ({ value: days, label: t('staffIntegrations.tokens.days', { count: Number(days) }) }))}
          allowDeselect={false}
          maw={240}
          {...form.getInputProps('expiresInDays')}
        />
        <Button type="submit" loading={fetching} w="fit-content">{t('staffIntegrations.tokens.create')}</Button>
      </Stack>
    </form>
  );
}
