import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { AccountPageDocument } from './account.generated.js';
import { RequireAuth } from '../../shared/session/guards.js';
import { Page } from '../../shared/ui/Page.js';
import { ErrorState, LoadingState } from '../../shared/ui/states.js';
import { ChangeEmailForm } from './ChangeEmailForm.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';
import { SessionsList } from './SessionsList.js';
import { TwoFactorSection } from './TwoFactorSection.js';
import { ApiTokensSection } from './ApiTokensSection.js';
import { Anchor } from '@mantine/core';
import { Link } from 'react-router';

/** The signed-in account: its email (and whether it is verified), password, and live sessions. */
export function AccountPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('accountPage.title')}>
      <RequireAuth>
        <AccountSections />
      </RequireAuth>
    </Page>
  );
}

function AccountSections() {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: AccountPageDocument });
  if (fetching && !data) return <LoadingState />;
  if (error) return <ErrorState error={error} />;
  if (!data) return null;
  return (
    <Stack gap="xl">
      <Paper withBorder p="lg" component="section" aria-labelledby="account-email">
        <Stack>
          <Title order={2} size="h3" id="account-email">{t('accountPage.emailTitle')}</Title>
          <Group gap="sm">
            <Text>{data.me.email}</Text>
            <Badge color={data.me.emailVerified ? 'green' : 'yellow'} variant="light">
              {data.me.emailVerified ? t('accountPage.verified') : t('accountPage.notVerified')}
            </Badge>
          </Group>
          <ChangeEmailForm />
        </Stack>
      </Paper>
      <Paper withBorder p="lg" component="section" aria-labelledby="account-password">
        <Stack>
          <Title order={2} size="h3" id="account-password">{t('accountPage.passwordTitle')}</Title>
          <ChangePasswordForm />
        </Stack>
      </Paper>
      <Paper withBorder p="lg" component="section" aria-labelledby="account-sessions">
        <Stack>
          <Title order={2} size="h3" id="account-sessions">{t('accountPage.sessionsTitle')}</Title>
          <SessionsList />
        </Stack>
      </Paper>
      <Paper withBorder p="lg" component="section" aria-labelledby="account-two-factor">
        <Stack>
          <Title order={2} size="h3" id="account-two-factor">{t('twoFactor.title')}</Title>
          <TwoFactorSection />
        </Stack>
      </Paper>
      <Paper withBorder p="lg" component="section" aria-labelledby="account-api-tokens">
        <Stack>
          <Title order={2} size="h3" id="account-api-tokens">{t('apiTokens.title')}</Title>
          <ApiTokensSection />
        </Stack>
      </Paper>
      <Paper withBorder p="lg" component="section" aria-labelledby="account-privacy">
        <Stack>
          <Title order={2} size="h3" id="account-privacy">{t('privacy.title')}</Title>
          <Anchor component={Link} to="/privacy">{t('privacy.accountLink')}</Anchor>
        </Stack>
      </Paper>
    </Stack>
  );
}
