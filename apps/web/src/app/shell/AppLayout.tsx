import { Anchor, AppShell, Burger, Container, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink as RouterNavLink, Outlet, useLocation, useNavigation } from 'react-router';
import { useSession } from '../../shared/session/SessionProvider.js';
import { LoadingState } from '../../shared/ui/states.js';
import { AccountArea } from './AccountArea.js';
import { navItems } from './nav-items.js';
import { SkipLink } from './SkipLink.js';

export const MAIN_ID = 'main-content';

/**
 * The frame of every page: a header (name, burger below `sm`, account menu), the navigation (a
 * drawer on phones, a side bar on desktops) and the main region the skip link jumps to.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const navigation = useNavigation();
  const items = navItems.filter((item) => !item.signedIn || session);

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <SkipLink target={MAIN_ID} />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t(opened ? 'nav.close' : 'nav.open')} aria-expanded={opened} aria-controls="main-navigation" />
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Text fw={700} size="lg">{t('app.name')}</Text>
            </Anchor>
          </Group>
          <AccountArea />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="main-navigation" aria-label={t('nav.label')} component="nav">
        {items.map((item) => (
          <NavLink
            key={item.to}
            component={RouterNavLink}
            to={item.to}
            end={item.to === '/'}
            label={t(item.label)}
            active={item.to === '/' ? location.pathname === '/' : location.pathname.startsWith(item.to)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_ID} tabIndex={-1} aria-busy={navigation.state === 'loading'}>
        <Container size="lg" px={0}>
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
