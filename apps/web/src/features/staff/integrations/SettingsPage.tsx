import { Alert, Button, Checkbox, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { NotFoundPage } from '../../not-found/NotFoundPage.js';
import { StaffRetentionSettingsDocument, type StaffRetentionSettingsQuery, StaffSecuritySettingsDocument, StaffSetTotpRequiredForDocument, StaffUpdateRetentionSettingsDocument } from './integrations.generated.js';
import { RequireStaff } from '../../../shared/session/guards.js';
import { FormAlert } from '../../../shared/ui/forms/FormAlert.js';
import { useApiErrors } from '../../../shared/ui/forms/useApiErrors.js';
import { Page } from '../../../shared/ui/Page.js';
import { ErrorState, LoadingState } from '../../../shared/ui/states.js';
import { sectionAt } from '../staff-sections.js';

const SECTION = sectionAt('/staff/integrations');
const RIGHTS = ['ADMIN', 'MEMBERSHIP_MANAGER', 'FINANCE', 'EVENT_MANAGER', 'CHECK_IN', 'MENTORING_COORDINATOR', 'COMMUNITY_MANAGER'] as const;
type Retention = StaffRetentionSettingsQuery['retentionSettings'];

/** How long personal data is kept, and which staff rights need two-factor sign-in (admins). */
export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <RequireStaff fallback={<NotFoundPage />} permissions={SECTION.permissions}>
      <Page title={t('staffIntegrations.settings.title')}>
        <Stack gap="xl">
          <Paper withBorder p="lg" component="section" aria-labelledby="settings-retention">
            <Stack>
              <Title order={2} size="h3" id="settings-retention">{t('staffIntegrations.retention.title')}</Title>
              <RetentionSection />
            </Stack>
          </Paper>
          <Paper withBorder p="lg" component="section" aria-labelledby="settings-security">
            <Stack>
              <Title order={2} size="h3" id="settings-security">{t('staffIntegrations.security.title')}</Title>
              <SecuritySection />
            </Stack>
          </Paper>
        </Stack>
      </Page>
    </RequireStaff>
  );
}

function RetentionSection() {
  const [{ data, fetching, error }] = useQuery({ query: StaffRetentionSettingsDocument, requestPolicy: 'network-only' });
  if (fetching && !data) return <LoadingState />;
  if (error) return <ErrorState error={error} />;
  if (!data) return null;
  return <RetentionForm initial={data.retentionSettings} />;
}

/** Days as the form holds them: '' for "keep" (null) where the API allows it. */
const days = (value: number | null): number | string => value ?? '';
const daysOrNull = (value: number | string): number | null => (value === '' ? null : Number(value));

function RetentionForm({ initial }: { initial: Retention }) {
  const { t } = useTranslation();
  const [{ fetching }, save] = useMutation(StaffUpdateRetentionSettingsDocument);
  const [saved, setSaved] = useState(false);
  const form = useForm({
    initialValues: {
      lapsedMemberDays: days(initial.lapsedMemberDays),
      outboxBodyDays: days(initial.outboxBodyDays),
      loginFailureDays: days(initial.loginFailureDays),
      auditEntryDays: days(initial.auditEntryDays),
    },
    validate: {
      outboxBodyDays: (value) => (value === '' ? t('staffIntegrations.retention.required') : null),
      loginFailureDays: (value) => (value === '' ? t('staffIntegrations.retention.required') : null),
    },
  });
  const { alert, clearAlert, showError } = useApiErrors(form);
  const submit = form.onSubmit(async (values) => {
    clearAlert();
    setSaved(false);
    const result = await save({
      input: {
        lapsedMemberDays: daysOrNull(values.lapsedMemberDays),
        outboxBodyDays: Number(values.outboxBodyDays),
        loginFailureDays: Number(values.loginFailureDays),
        auditEntryDays: daysOrNull(values.auditEntryDays),
      },
    });
    if (result.error) return showError(result.error);
    setSaved(true);
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('staffIntegrations.retention.explain')}</Text>
        <FormAlert message={alert} />
        {saved ? <Alert role="status" color="green" variant="light">{t('staffIntegrations.retention.saved')}</Alert> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput label={t('staffIntegrations.retention.lapsedMemberDays')} description={t('staffIntegrations.retention.lapsedMemberHint')} min={30} allowDecimal={false} {...form.getInputProps('lapsedMemberDays')} />
          <NumberInput label={t('staffIntegrations.retention.auditEntryDays')} description={t('staffIntegrations.retention.auditEntryHint')} min={365} allowDecimal={false} {...form.getInputProps('auditEntryDays')} />
          <NumberInput label={t('staffIntegrations.retention.outboxBodyDays')} required min={1} allowDecimal={false} {...form.getInputProps('outboxBodyDays')} />
          <NumberInput label={t('staffIntegrations.retention.loginFailureDays')} required min={1} allowDecimal={false} {...form.getInputProps('loginFailureDays')} />
        </SimpleGrid>
        <Button type="submit" loading={fetching} w="fit-content">{t('staffIntegrations.retention.save')}</Button>
      </Stack>
    </form>
  );
}

function SecuritySection() {
  const [{ data, fetching, error }] = useQuery({ query: StaffSecuritySettingsDocument, requestPolicy: 'network-only' });
  if (fetching && !data) return <LoadingState />;
  if (error) return <ErrorState error={error} />;
  if (!data) return null;
  return <SecurityForm initial={data.securitySettings.totpRequiredFor} />;
}

function SecurityForm({ initial }: { initial: string[] }) {
  const { t } = useTranslation();
  const [{ fetching }, save] = useMutation(StaffSetTotpRequiredForDocument);
  const [saved, setSaved] = useState(false);
  const form = useForm({ initialValues: { rights: initial } });
  const { alert, clearAlert, showError } = useApiErrors(form, { prefix: '' });
  const submit = form.onSubmit(async (values) => {
    clearAlert();
    setSaved(false);
    const result = await save({ rights: values.rights });
    if (result.error) return showError(result.error);
    setSaved(true);
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('staffIntegrations.security.explain')}</Text>
        <FormAlert message={alert} />
        {saved ? <Alert role="status" color="green" variant="light">{t('staffIntegrations.security.saved')}</Alert> : null}
        <Checkbox.Group label={t('staffIntegrations.security.rightsLabel')} {...form.getInputProps('rights')}>
          <Group mt="xs">
            {RIGHTS.map((right) => (
              <Checkbox key={right} value={right} label={right} />
            ))}
          </Group>
        </Checkbox.Group>
        <Button type="submit" loading={fetching} w="fit-content">{t('staffIntegrations.security.save')}</Button>
      </Stack>
    </form>
  );
}
