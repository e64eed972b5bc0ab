import { Alert, Anchor, Button, Paper, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { ResetPasswordWithTokenDocument } from './account.generated.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useApiErrors } from '../../shared/ui/forms/useApiErrors.js';
import { Page } from '../../shared/ui/Page.js';
import { PASSWORD_MIN } from './password-rule.js';
import { LinkCheck } from './LinkCheck.js';
import { useLinkToken } from './link-token.js';

/** `/reset-password?token=…`: a new password; every session of the account ends, so log in after. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const token = useLinkToken();
  const [{ fetching }, reset] = useMutation(ResetPasswordWithTokenDocument);
  const [done, setDone] = useState(false);
  const form = useForm({
    initialValues: { newPassword: '' },
    validate: { newPassword: (value) => (value.length >= PASSWORD_MIN ? null : t('auth.passwordTooShort', { count: PASSWORD_MIN })) },
  });
  const { alert, clearAlert, showError } = useApiErrors(form, { prefix: '' });

  const submit = form.onSubmit(async ({ newPassword }) => {
    if (!token) return;
    clearAlert();
    const result = await reset({ token, newPassword });
    if (result.error) return showError(result.error);
    setDone(true);
  });

  return (
    <Page title={t('accountLinks.resetTitle')}>
      <Paper withBorder p="lg" maw={420} w="100%">
        {!token ? (
          <Alert role="alert" color="red" variant="light">{t('accountLinks.linkMissing')}</Alert>
        ) : done ? (
          <Stack>
            <Alert role="status" color="green" variant="light">{t('accountLinks.resetDone')}</Alert>
            <Anchor component={Link} to="/login">{t('auth.logIn')}</Anchor>
          </Stack>
        ) : (
          <LinkCheck token={token} again={{ to: '/forgot-password', label: t('accountLinks.askAgain') }}>
            <form onSubmit={submit} noValidate>
              <Stack>
                <FormAlert message={alert} />
                <PasswordInput
                  label={t('accountLinks.newPassword')}
                  description={t('auth.passwordHint', { count: PASSWORD_MIN })}
                  autoComplete="new-password"
                  required
                  {...form.getInputProps('newPassword')}
                />
                <Button type="submit" loading={fetching}>{t('accountLinks.resetSubmit')}</Button>
                <Anchor component={Link} to="/forgot-password" size="sm">{t('accountLinks.askAgain')}</Anchor>
              </Stack>
            </form>
          </LinkCheck>
        )}
      </Paper>
    </Page>
  );
}
