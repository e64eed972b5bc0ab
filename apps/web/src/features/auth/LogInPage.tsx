import { useForm } from '@mantine/form';
import { Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { LogInDocument } from './auth.generated.js';
import { safeNextPath } from '../../shared/session/guards.js';
import { useSession } from '../../shared/session/SessionProvider.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useApiErrors } from '../../shared/ui/forms/useApiErrors.js';
import { Page } from '../../shared/ui/Page.js';
import { secondFactorReason } from './second-factor.js';


export function LogInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { signedIn } = useSession();
  const [{ fetching }, logIn] = useMutation(LogInDocument);
  // After the password: the account signs in with a second factor (TOTP_REQUIRED), a code from the
  // app or, instead, one of the recovery codes.
  const [secondFactor, setSecondFactor] = useState<'totp' | 'recovery' | null>(null);
  const form = useForm({
    initialValues: { email: '', password: '', code: '' },
    validate: {
      email: (value) => (value.trim() ? null : t('auth.emailRequired')),
      password: (value) => (value ? null : t('auth.passwordRequired')),
      code: (value) => (secondFactor && !value.trim() ? t('twoFactor.codeRequired') : null),
    },
  });
  const { alert, clearAlert, showError } = useApiErrors(form);

  const submit = form.onSubmit(async (values) => {
    clearAlert();
    const code = values.code.replace(/\s+/g, '');
    const input = {
      email: values.email,
      password: values.password,
      ...(secondFactor === 'totp' ? { totpCode: code } : secondFactor === 'recovery' ? { recoveryCode: code } : {}),
    };
    const result = await logIn({ input });
    if (result.error || !result.data) {
      if (!result.error) return;
      const reason = secondFactorReason(result.error);
      if (reason === 'TOTP_REQUIRED') setSecondFactor((current) => current ?? 'totp');
      else if (reason === 'BAD_SECOND_FACTOR') form.setFieldError('code', secondFactor === 'recovery' ? t('twoFactor.badRecoveryCode') : t('twoFactor.badCode'));
      else showError(result.error);
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
            {secondFactor ? (
              <>
                <Text size="sm" role="status">{t('twoFactor.logInAsk')}</Text>
                <TextInput
                  key={secondFactor}
                  label={secondFactor === 'totp' ? t('twoFactor.codeLabel') : t('twoFactor.recoveryCodeLabel')}
                  autoComplete="one-time-code"
                  inputMode={secondFactor === 'totp' ? 'numeric' : 'text'}
                  required
                  data-autofocus
                  {...form.getInputProps('code')}
                />
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => {
                    setSecondFactor(secondFactor === 'totp' ? 'recovery' : 'totp');
                    form.setFieldValue('code', '');
                    form.clearFieldError('code');
                  }}
                >
                  {secondFactor === 'totp' ? t('twoFactor.useRecoveryCode') : t('twoFactor.useAppCode')}
                </Anchor>
              </>
            ) : null}
            <Button type="submit" loading={fetching}>{t('auth.logIn')}</Button>
            <Anchor component={Link} to="/forgot-password" size="sm">{t('auth.forgotPassword')}</Anchor>
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
