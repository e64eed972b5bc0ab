import { Alert, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ForgotPasswordRequestDocument } from './account.generated.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useApiErrors } from '../../shared/ui/forms/useApiErrors.js';
import { Page } from '../../shared/ui/Page.js';

/** Asks for a reset link. The API answers the same whether or not an account has the address. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [{ fetching }, request] = useMutation(ForgotPasswordRequestDocument);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('auth.emailInvalid')) },
  });
  const { alert, clearAlert, showError } = useApiErrors(form, { prefix: '' });

  const submit = form.onSubmit(async ({ email }) => {
    clearAlert();
    const result = await request({ email: email.trim() });
    if (result.error) return showError(result.error);
    setSentTo(email.trim());
  });

  return (
    <Page title={t('accountLinks.forgotTitle')}>
      <Paper withBorder p="lg" maw={420} w="100%">
        {sentTo ? (
          <Alert role="status" color="green" variant="light" title={t('accountLinks.forgotSentTitle')}>
            {t('accountLinks.forgotSent', { email: sentTo })}
          </Alert>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack>
              <Text size="sm">{t('accountLinks.forgotIntro')}</Text>
              <FormAlert message={alert} />
              <TextInput label={t('auth.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
              <Button type="submit" loading={fetching}>{t('accountLinks.forgotSubmit')}</Button>
            </Stack>
          </form>
        )}
      </Paper>
    </Page>
  );
}
