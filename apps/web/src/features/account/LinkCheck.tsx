import { Alert, Anchor, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { AccountLinkCheckDocument } from './account.generated.js';
import { readError } from '../../shared/errors/graphql-errors.js';
import { formatDateTime } from '../../shared/formatting/format.js';
import { LoadingState } from '../../shared/ui/states.js';

/**
 * Looks at an emailed link before its form is shown (without spending it): whose it is, until
 * when it works, or why it no longer does, with a way to ask for a new one.
 */
export function LinkCheck({ token, again, children }: { token: string; again?: { to: string; label: string }; children: ReactNode }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: AccountLinkCheckDocument, variables: { token }, requestPolicy: 'network-only' });
  if (fetching && !data) return <LoadingState />;
  if (error || !data) {
    const readable = error ? readError(error) : null;
    return (
      <Stack>
        <Alert role="alert" color="red" variant="light" title={t('accountLinks.linkDeadTitle')}>
          {readable?.code === 'NETWORK' ? t('errors.network') : t('accountLinks.linkDead')}
        </Alert>
        {again ? <Anchor component={Link} to={again.to}>{again.label}</Anchor> : null}
      </Stack>
    );
  }
  return (
    <Stack>
      <Text size="sm">{t('accountLinks.linkFor', { email: data.accountLink.email, date: formatDateTime(data.accountLink.expiresAt) })}</Text>
      {children}
    </Stack>
  );
}
