import { NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { CommunityNotificationSettingsDocument, CommunitySetPreferenceDocument, type NotificationDelivery, type NotificationKind } from './discussions.generated.js';
import { RequireAuth } from '../../shared/session/guards.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useActionError } from '../../shared/ui/forms/useActionError.js';
import { Page } from '../../shared/ui/Page.js';
import { ErrorState, LoadingState } from '../../shared/ui/states.js';

const DELIVERIES: NotificationDelivery[] = ['IN_APP', 'EMAIL', 'DIGEST', 'OFF'];

/** How I hear of each kind of notification: in the app, by email at once, in the daily digest, or not at all. */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('community.settings.title')}>
      <RequireAuth>
        <Settings />
      </RequireAuth>
    </Page>
  );
}

function Settings() {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: CommunityNotificationSettingsDocument });
  if (fetching && !data) return <LoadingState />;
  if (error) return <ErrorState error={error} />;
  return (
    <Stack gap="md" maw={420}>
      <Text>{t('community.settings.intro')}</Text>
      {(data?.notificationPreferences ?? []).map((p) => <PreferenceSelect key={p.kind} kind={p.kind} delivery={p.delivery} />)}
    </Stack>
  );
}

function PreferenceSelect({ kind, delivery }: { kind: NotificationKind; delivery: NotificationDelivery }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(delivery);
  const [saved, setSaved] = useState(false);
  const [, save] = useMutation(CommunitySetPreferenceDocument);
  const { alert, showError, setAlert } = useActionError();
  const change = async (next: NotificationDelivery) => {
    const before = value;
    setValue(next);
    setSaved(false);
    setAlert(null);
    const { error } = await save({ kind, delivery: next });
    if (error) {
      setValue(before);
      showError(error);
    } else setSaved(true);
  };
  return (
    <Stack gap={4}>
      <NativeSelect
        label={t(`community.kind.${kind}`)}
        value={value}
        onChange={(e) => change(e.currentTarget.value as NotificationDelivery)}
        data={DELIVERIES.map((d) => ({ value: d, label: t(`community.delivery.${d}`) }))}
      />
      {saved ? <Text size="sm" c="dimmed" role="status">{t('community.settings.saved')}</Text> : null}
      <FormAlert message={alert} />
    </Stack>
  );
}
