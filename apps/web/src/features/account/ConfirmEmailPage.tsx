import { Alert, Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmEmailWithTokenDocument } from './account.generated.js';
import { EmailVerificationStatusDocument } from '../../shared/account/email-verification.generated.js';
import { useSession } from '../../shared/session/SessionProvider.js';
import { Page } from '../../shared/ui/Page.js';
import { LoadingState } from '../../shared/ui/states.js';
import { useLinkToken } from './link-token.js';
import { useTokenOnce } from './token-once.js';

/** `/confirm-email?token=…`: the new address takes over once its link is used. */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  const token = useLinkToken();
  const { session } = useSession();
  const outcome = useTokenOnce(ConfirmEmailWithTokenDocument, token, session ? EmailVerificationStatusDocument : null);

  return (
    <Page title={t('accountLinks.confirmEmailTitle')}>
      {!token ? <Alert role="alert" color="red" variant="light">{t('accountLinks.linkMissing')}</Alert> : null}
      {token && outcome.state === 'pending' ? <LoadingState /> : null}
      {outcome.state === 'failed' ? <Alert role="alert" color="red" variant="light">{outcome.message}</Alert> : null}
      {outcome.state === 'done' ? (
        <Stack>
          <Alert role="status" color="green" variant="light">{t('accountLinks.confirmEmailDone')}</Alert>
          <Anchor component={Link} to={session ? '/account' : '/login'}>{session ? t('accountLinks.toAccount') : t('auth.logIn')}</Anchor>
        </Stack>
      ) : null}
    </Page>
  );
}
