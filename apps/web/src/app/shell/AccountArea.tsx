import { Button, Group } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../shared/session/SessionProvider.js';
import { loadPageStrings } from '../../shared/i18n/i18n.js';

const AccountMenu = lazy(async () => ({ default: (await import('./AccountMenu.js')).AccountMenu }));
const NotificationBell = lazy(async () => {
  // Its label lives with the community's strings (en.pages.json), which load with it.
  const [bell] = await Promise.all([import('../../features/discussions/NotificationBell.js'), loadPageStrings()]);
  return { default: bell.NotificationBell };
});

/** The header's right side: log in and sign up for visitors, the account menu for signed-in people. */
export function AccountArea() {
  const { t } = useTranslation();
  const { session, restored } = useSession();
  if (session) {
    return (
      <Group gap="xs" wrap="nowrap">
        <Suspense fallback={null}>
          <NotificationBell />
        </Suspense>
        <Suspense fallback={null}>
          <AccountMenu />
        </Suspense>
      </Group>
    );
  }
  if (!restored) return null;
  return (
    <Group gap="xs" wrap="nowrap">
      <Button component={Link} to="/login" variant="default" size="sm">{t('nav.logIn')}</Button>
      <Button component={Link} to="/signup" size="sm">{t('nav.signUp')}</Button>
    </Group>
  );
}
