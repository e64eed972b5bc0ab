import { Alert, Button, Checkbox, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { PrivacyRequestErasureDocument } from './privacy.generated.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useActionError } from '../../shared/ui/forms/useActionError.js';

/** Ask for my account to be erased: what goes, what the law makes us keep, and the email that confirms it. */
export function ErasureSection() {
  const { t } = useTranslation();
  const [understood, setUnderstood] = useState(false);
  const [sent, setSent] = useState(false);
  const [{ fetching }, request] = useMutation(PrivacyRequestErasureDocument);
  const { alert, clearAlert, showError } = useActionError();

  const onRequest = async () => {
    clearAlert();
    const result = await request({});
    if (result.error) return showError(result.error);
    setSent(true);
  };

  return (
    <Stack>
      <Text>{t('privacy.erasureExplain')}</Text>
      <List>
        <List.Item>{t('privacy.erasureGoes')}</List.Item>
        <List.Item>{t('privacy.erasureKept')}</List.Item>
        <List.Item>{t('privacy.erasureSettled')}</List.Item>
        <List.Item>{t('privacy.erasureEmail')}</List.Item>
      </List>
      <FormAlert message={alert} />
      {sent ? (
        <Alert role="status" color="green" variant="light">{t('privacy.erasureSent')}</Alert>
      ) : (
        <>
          <Checkbox label={t('privacy.erasureUnderstood')} checked={understood} onChange={(event) => setUnderstood(event.currentTarget.checked)} />
          <Button color="red" disabled={!understood} loading={fetching} onClick={() => void onRequest()} w="fit-content">
            {t('privacy.requestErasure')}
          </Button>
        </>
      )}
    </Stack>
  );
}
