import { Alert, Button, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { ClaimAccountWithTokenDocument } from './account.generated.js';
import { useSession } from '../../shared/session/SessionProvider.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useApiErrors } from '../../shared/ui/forms/useApiErrors.js';
import { Page } from '../../shared/ui/Page.js';
import { PASSWORD_MIN } from './password-rule.js';
import { LinkCheck } from './LinkCheck.js';
import { useLinkToken } from './link-token.js';

/** `/claim?token=…`: an imported member sets a password and is signed in. */
export function ClaimAccountPage() {
  const { t } = useTranslation();
  const token = useLinkToken();
  const navigate = useNavigate();
  const { signedIn } = useSession();
  const [{ fetching }, claim] = useMutation(ClaimAccountWithTokenDocument);
  const form = useForm({
    initialValues: { password: '' },
    validate: { password: (value) => (value.length >= PASSWORD_MIN ? null : t('auth.passwordTooShort', { count: PASSWORD_MIN })) },
  });
  const { alert, clearAlert, showError } = useApiErrors(form, { prefix: '' });

  const submit = form.onSubmit(async ({ password }) => {
    if (!token) return;
    clearAlert();
    const result = await claim({ token, password });
    if (result.error || !result.data) return result.error ? showError(result.error) : undefined;
    signedIn(result.data.claimAccount);
    void navigate('/dashboard', { replace: true });
  });

  return (
    <Page title={t('accountLinks.claimTitle')}>
      <Paper withBorder p="lg" maw={420} w="100%">
        {!token ? (
          <Alert role="alert" color="red" variant="light">{t('accountLinks.linkMissing')}</Alert>
        ) : (
          <LinkCheck token={token}>
            <form onSubmit={submit} noValidate>
              <Stack>
                <Text size="sm">{t('accountLinks.claimIntro')}</Text>
                <FormAlert message={alert} />
                <PasswordInput
                  label={t('auth.password')}
                  description={t('auth.passwordHint', { count: PASSWORD_MIN })}
                  autoComplete="new-password"
                  required
                  {...form.getInputProps('password')}
                />
                <Button type="submit" loading={fetching}>{t('accountLinks.claimSubmit')}</Button>
              </Stack>
            </form>
          </LinkCheck>
        )}
      </Paper>
    </Page>
  );
}
