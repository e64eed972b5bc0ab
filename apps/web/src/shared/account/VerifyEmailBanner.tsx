import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { EmailVerificationStatusDocument, ResendVerificationEmailDocument } from './email-verification.generated.js';
import { readError } from '../errors/graphql-errors.js';
import { useSession } from '../session/SessionProvider.js';

/**
 * Shown on every page to a signed-in person whose email is not verified yet, with a way to have
 * the link sent again. When the association requires a verified email, it says what waits for it.
 */
export function VerifyEmailBanner() {
  const { session } = useSession();
  if (!session) return null;
  return <Banner />;
}

function Banner() {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: EmailVerificationStatusDocument });
  const [{ fetching }, resend] = useMutation(ResendVerificationEmailDocument);
  const [note, setNote] = useState<string | null>(null);
  if (!data || data.me.emailVerified) return null;

  const onResend = async () => {
    const result = await resend({});
    if (result.error) {
      const error = readError(result.error);
      setNote(error.code === 'TOO_MANY_REQUESTS' ? t('errors.tooManyRequests') : error.message);
    } else setNote(t('verifyBanner.sent', { email: data.me.email }));
  };

  return (
    <Alert color="yellow" variant="light" title={t('verifyBanner.title')} mb="md" aria-label={t('verifyBanner.title')} role="region">
      <Text size="sm">
        {data.association.requireVerifiedEmail ? t('verifyBanner.required', { email: data.me.email }) : t('verifyBanner.body', { email: data.me.email })}
      </Text>
      <Group mt="xs" gap="sm">
        <Button size="xs" variant="default" loading={fetching} onClick={() => void onResend()}>{t('verifyBanner.resend')}</Button>
        {note ? <Text size="sm" role="status">{note}</Text> : null}
      </Group>
    </Alert>
  );
}
