import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { AccountRequestEmailChangeDocument } from './account.generated.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useApiErrors } from '../../shared/ui/forms/useApiErrors.js';

/** Asks for a new address; it takes over only when the link sent to it is used. */
export function ChangeEmailForm() {
  const { t } = useTranslation();
  const [{ fetching }, request] = useMutation(AccountRequestEmailChangeDocument);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({
    initialValues: { newEmail: '', currentPassword: '' },
    validate: {
      newEmail: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('auth.emailInvalid')),
      currentPassword: (value) => (value ? null : t('auth.passwordRequired')),
    },
  });
  const { alert, clearAlert, showError } = useApiErrors(form, { prefix: '' });

  const submit = form.onSubmit(async (values) => {
    clearAlert();
    setSentTo(null);
    const result = await request({ newEmail: values.newEmail.trim(), currentPassword: values.currentPassword });
    if (result.error) return showError(result.error);
    setSentTo(values.newEmail.trim());
    form.reset();
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={420}>
        <FormAlert message={alert} />
        {sentTo ? <Alert role="status" color="green" variant="light">{t('accountPage.emailChangeSent', { email: sentTo })}</Alert> : null}
        <TextInput label={t('accountPage.newEmail')} type="email" autoComplete="email" required {...form.getInputProps('newEmail')} />
        <PasswordInput label={t('accountPage.currentPassword')} autoComplete="current-password" required {...form.getInputProps('currentPassword')} />
        <Button type="submit" loading={fetching} w="fit-content">{t('accountPage.changeEmail')}</Button>
      </Stack>
    </form>
  );
}
