import { Alert, Center, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { readError } from '../errors/graphql-errors.js';

/** Shown while a page's data loads; announced politely. */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader aria-hidden />
        <Text size="sm" c="dimmed">{label ?? t('common.loading')}</Text>
      </Stack>
    </Center>
  );
}

/** Shown when a list has nothing in it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Stack align="center" py="xl" gap="xs">
      <Text fw={600}>{title}</Text>
      {children ? <Text size="sm" c="dimmed">{children}</Text> : null}
    </Stack>
  );
}

/** A query that failed: the API's message, never a stack. */
export function ErrorState({ error }: { error: CombinedError }) {
  const { t } = useTranslation();
  const readable = readError(error);
  return (
    <Alert role="alert" color="red" variant="light" title={t('errors.loadTitle')}>
      {readable.code === 'NETWORK' ? t('errors.network') : readable.code === 'INTERNAL_SERVER_ERROR' ? t('errors.unexpected') : readable.message}
    </Alert>
  );
}
