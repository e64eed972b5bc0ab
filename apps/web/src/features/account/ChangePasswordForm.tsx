import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { AccountChangePasswordDocument } from './account.generated.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useApiErrors } from '../../shared/ui/forms/useApiErrors.js';
import { PASSWORD_MIN } from './password-rule.js';

/** Current and new password; the API also ends the account's other sessions. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [{ fetching }, change] = useMutation(AccountChangePasswordDocument);
  const [done, setDone] = useState(false);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '' },
    validate: {
      currentPassword: (value) => (value ? null : t('auth.passwordRequired')),
      newPassword: (value) => (value.length >= PASSWORD_MIN ? null : t('auth.passwordTooShort', { count: PASSWORD_MIN })),
    },
  });
  const { alert, clearAlert, showError } = useApiErrors(form, { prefix: '' });

  const submit = form.onSubmit(async (values) => {
    clearAlert();
    setDone(false);
    const result = await change(values);
    if (result.error) return showError(result.error);
    form.reset();
    setDone(true);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={420}>
        <FormAlert message={alert} />
        {done ? <Alert role="status" color="green" variant="light">{t('accountPage.passwordChanged')}</Alert> : null}
        <PasswordInput label={t('accountPage.currentPassword')} autoComplete="current-password" required {...form.getInputProps('currentPassword')} />
        <PasswordInput
          label={t('accountLinks.newPassword')}
          description={t('auth.passwordHint', { count: PASSWORD_MIN })}
          autoComplete="new-password"
          required
          {...form.getInputProps('newPassword')}
        />
        <Button type="submit" loading={fetching} w="fit-content">{t('accountPage.changePassword')}</Button>
      </Stack>
    </form>
  );
}
