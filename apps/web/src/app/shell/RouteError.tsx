import { Alert, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { NotFoundPage } from '../../features/not-found/NotFoundPage.js';
import { usePageTitle } from '../../shared/ui/usePageTitle.js';

/** A page that failed to load (e.g. its chunk after a deploy) or threw while rendering. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  usePageTitle(t('errors.pageTitle'));
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <Stack p="md" maw={640} mx="auto">
      <Alert role="alert" color="red" title={t('errors.pageTitle')}>{t('errors.pageBody')}</Alert>
      <div>
        <Button component={Link} to="/" reloadDocument>{t('notFound.home')}</Button>
      </div>
    </Stack>
  );
}
