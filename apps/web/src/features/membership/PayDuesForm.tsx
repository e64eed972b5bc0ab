import { Button, Checkbox, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { MembershipStartCheckoutDocument } from './membership.generated.js';
import { readError } from '../../shared/errors/graphql-errors.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';

/** Opens Stripe Checkout for the dues (the first payment, or a renewal now); Stripe sends the member back. */
export function PayDuesForm({ membershipId, recurring, renewal }: { membershipId: string; recurring: boolean; renewal: boolean }) {
  const { t } = useTranslation();
  const [{ fetching }, start] = useMutation(MembershipStartCheckoutDocument);
  const [autoRenew, setAutoRenew] = useState(true);
  const [alert, setAlert] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);

  const onPay = async () => {
    setAlert(null);
    const result = await start({ membershipId, autoRenew: recurring ? autoRenew : false });
    if (result.error || !result.data) return setAlert(result.error ? readError(result.error).message : t('errors.unexpected'));
    setLeaving(true);
    window.location.assign(result.data.startDuesCheckout.url);
  };

  return (
    <Group gap="md" align="center" wrap="wrap">
      <FormAlert message={alert} />
      {recurring ? (
        <Checkbox label={t('membership.payWithAutoRenew')} checked={autoRenew} onChange={(event) => setAutoRenew(event.currentTarget.checked)} />
      ) : null}
      <Button onClick={() => void onPay()} loading={fetching || leaving}>{renewal ? t('membership.renewNow') : t('membership.payDues')}</Button>
    </Group>
  );
}
