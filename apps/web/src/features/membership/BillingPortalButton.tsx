import { Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { MembershipBillingPortalDocument } from './membership.generated.js';
import { readError } from '../../shared/errors/graphql-errors.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';

/** Opens Stripe's customer portal (card, invoices, subscription); it sends the member back here. */
export function BillingPortalButton() {
  const { t } = useTranslation();
  const [{ fetching }, create] = useMutation(MembershipBillingPortalDocument);
  const [alert, setAlert] = useState<string | null>(null);

  const onOpen = async () => {
    setAlert(null);
    const result = await create({ returnUrl: `${window.location.origin}/membership` });
    if (result.error || !result.data) return setAlert(result.error ? readError(result.error).message : t('errors.unexpected'));
    window.location.assign(result.data.createBillingPortalSession);
  };

  return (
    <Stack gap="xs" align="flex-start">
      <FormAlert message={alert} />
      <Button variant="default" onClick={() => void onOpen()} loading={fetching}>{t('membership.billingPortal')}</Button>
    </Stack>
  );
}
