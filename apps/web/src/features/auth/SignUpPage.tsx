import { useForm } from '@mantine/form';
import { Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { SignUpDocument } from './auth.generated.js';
import { safeNextPath } from '../../shared/session/guards.js';
import { useSession } from '../../shared/session/SessionProvider.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useApiErrors } from '../../shared/ui/forms/useApiErrors.js';
import { Page } from '../../shared/ui/Page.js';


/** The API's rule, repeated here only to answer sooner; the API still decides. */
const PASSWORD_MIN = 10;

export function SignUpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { signedIn } = useSession();
  const [{ fetching }, signUp] = useMutation(SignUpDocument);
  const form = useForm({
    initialValues: { fullName: '', email: '', password: '' },
    validate: {
      fullName: (value) => (value.trim() ? null : t('auth.fullNameRequired')),
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('auth.emailInvalid')),
      password: (value) => (value.length >= PASSWORD_MIN ? null : t('auth.passwordTooShort', { count: PASSWORD_MIN })),
    },
  });
  const { alert, clearAlert, showError } = useApiErrors(form);

  const submit = form.onSubmit(async (values) => {
    clearAlert();
    const result = await signUp({ input: values });
    if (result.error || !result.data) {
      if (result.error) showError(result.error);
      return;
    }
    signedIn(result.data.signUp);
    void navigate(safeNextPath(location.search), { replace: true });
  });

  return (
    <Page title={t('auth.signUpTitle')}>
      <Paper withBorder p="lg" maw={420} w="100%">
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormAlert message={alert} />
            <TextInput label={t('auth.fullName')} autoComplete="name" required {...form.getInputProps('fullName')} />
            <TextInput label={t('auth.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
            <PasswordInput
              label={t('auth.password')}
              description={t('auth.passwordHint', { count: PASSWORD_MIN })}
              autoComplete="new-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={fetching}>{t('auth.createAccount')}</Button>
            <Text size="sm">
              {t('auth.haveAccount')}{' '}
              <Anchor component={Link} to={`/login${location.search}`}>{t('auth.logIn')}</Anchor>
            </Text>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
