import { Alert, Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useClient } from 'urql';
import { VerifyEmailWithTokenDocument } from './account.generated.js';
import { EmailVerificationStatusDocument } from '../../shared/account/email-verification.generated.js';
import { useSession } from '../../shared/session/SessionProvider.js';
import { Page } from '../../shared/ui/Page.js';
import { LoadingState } from '../../shared/ui/states.js';
import { useLinkToken } from './link-token.js';
import { useTokenOnce } from './token-once.js';

/** `/verify-email?token=…`: uses the link once; a signed-in viewer's banner then goes away. */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const token = useLinkToken();
  const { session } = useSession();
  const outcome = useTokenOnce(VerifyEmailWithTokenDocument, token, null);
  const client = useClient();
  // Once verified, the banner asks again. The session may be restored from the cookie only after the
  // link was used (a page opened from the email), so this waits for both rather than for the link alone.
  const verified = outcome.state === 'done';
  useEffect(() => {
    if (verified && session) void client.query(EmailVerificationStatusDocument, {}, { requestPolicy: 'network-only' }).toPromise();
  }, [verified, session, client]);

  return (
    <Page title={t('accountLinks.verifyTitle')}>
      {!token ? <Alert role="alert" color="red" variant="light">{t('accountLinks.linkMissing')}</Alert> : null}
      {token && outcome.state === 'pending' ? <LoadingState /> : null}
      {outcome.state === 'failed' ? <Alert role="alert" color="red" variant="light">{outcome.message}</Alert> : null}
      {outcome.state === 'done' ? (
        <Stack>
          <Alert role="status" color="green" variant="light">{t('accountLinks.verifyDone')}</Alert>
          <Anchor component={Link} to={session ? '/dashboard' : '/login'}>{session ? t('accountLinks.toDashboard') : t('auth.logIn')}</Anchor>
        </Stack>
      ) : null}
    </Page>
  );
}
