import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { PrivacyConfirmErasureDocument } from './privacy.generated.js';
import { useSession } from '../../shared/session/SessionProvider.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useActionError } from '../../shared/ui/forms/useActionError.js';
import { Page } from '../../shared/ui/Page.js';

/**
 * `/confirm-erasure?token=…`, the emailed link. Erasing is final, so the page asks for one more
 * press rather than acting on load (a mail scanner that opens links erases nothing); afterwards the
 * person is signed out here too (the API has ended every session of the account).
 */
export function ConfirmErasurePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const { session, signedOut } = useSession();
  const [{ fetching }, confirm] = useMutation(PrivacyConfirmErasureDocument);
  const { alert, clearAlert, showError } = useActionError();
  const [done, setDone] = useState(false);

  const onConfirm = async () => {
    clearAlert();
    const result = await confirm({ token });
    if (result.error) return showError(result.error);
    setDone(true);
    if (session) signedOut();
  };

  let body;
  if (!token) body = <Alert role="alert" color="red" variant="light">{t('privacy.confirmMissing')}</Alert>;
  else if (done)
    body = (
      <Stack>
        <Alert role="status" color="green" variant="light">{t('privacy.confirmDone')}</Alert>
        <Anchor component={Link} to="/">{t('privacy.toHome')}</Anchor>
      </Stack>
    );
  else
    body = (
      <Stack>
        <Text>{t('privacy.confirmExplain')}</Text>
        <Text>{t('privacy.erasureKept')}</Text>
        <FormAlert message={alert} />
        <Button color="red" loading={fetching} onClick={() => void onConfirm()} w="fit-content">{t('privacy.confirmButton')}</Button>
      </Stack>
    );

  return <Page title={t('privacy.confirmTitle')}>{body}</Page>;
}
