import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../shared/ui/Page.js';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <Text>{t('notFound.body')}</Text>
      <div>
        <Button component={Link} to="/">{t('notFound.home')}</Button>
      </div>
    </Page>
  );
}
