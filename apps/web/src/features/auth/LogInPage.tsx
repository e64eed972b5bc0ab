import { useForm } from '@mantine/form';
import { Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { LogInDocument } from '../../shared/api/generated/graphql.js';
import { safeNextPath } from '../../shared/session/guards.js';
import { useSession } from '../../shared/session/SessionProvider.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useApiErrors } from '../../shared/ui/forms/useApiErrors.js';
import { Page } from '../../shared/ui/Page.js';


export function LogInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { signedIn } = useSession();
  const [{ fetching }, logIn] = useMutation(LogInDocument);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : t('auth.emailRequired')),
      password: (value) => (value ? null : t('auth.passwordRequired')),
    },
  });
  const { alert, clearAlert, showError } = useApiErrors(form);

  const submit = form.onSubmit(async (values) => {
    clearAlert();
    const result = await logIn({ input: values });
    if (result.error || !result.data) {
      if (result.error) showError(result.error);
      return;
    }
    signedIn(result.data.logIn);
    void navigate(safeNextPath(location.search), { replace: true });
  });

  return (
    <Page title={t('auth.logInTitle')}>
      <Paper withBorder p="lg" maw={420} w="100%">
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormAlert message={alert} />
            <TextInput label={t('auth.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
            <PasswordInput label={t('auth.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
            <Button type="submit" loading={fetching}>{t('auth.logIn')}</Button>
            <Text size="sm">
              {t('auth.noAccount')}{' '}
              <Anchor component={Link} to={`/signup${location.search}`}>{t('auth.signUp')}</Anchor>
            </Text>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
