import { Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { MembershipSetAutoRenewDocument } from './membership.generated.js';
import { readError } from '../../shared/errors/graphql-errors.js';

/** Automatic renewal on or off; off ends the subscription at the period end (nothing refunded). */
export function AutoRenewSwitch({ membershipId, autoRenew }: { membershipId: string; autoRenew: boolean }) {
  const { t } = useTranslation();
  const [{ fetching }, set] = useMutation(MembershipSetAutoRenewDocument);
  const [error, setError] = useState<string | null>(null);

  const onChange = async (next: boolean) => {
    setError(null);
    const result = await set({ membershipId, autoRenew: next });
    if (result.error) setError(readError(result.error).message);
  };

  return (
    <Stack gap={4}>
      <Switch
        label={t('membership.autoRenew')}
        description={autoRenew ? t('membership.autoRenewOn') : t('membership.autoRenewOff')}
        checked={autoRenew}
        disabled={fetching}
        onChange={(event) => void onChange(event.currentTarget.checked)}
        error={error ?? undefined}
      />
      {error ? <Text size="sm" c="red" role="alert">{error}</Text> : null}
    </Stack>
  );
}
