import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The error a form could not place beside a field; announced to screen readers (role=alert). */
export function FormAlert({ message }: { message: string | null }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <Alert role="alert" color="red" variant="light" title={t('errors.formTitle')}>
      {message}
    </Alert>
  );
}
