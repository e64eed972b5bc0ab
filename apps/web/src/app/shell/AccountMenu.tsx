import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { LogOutDocument } from '../../shared/api/generated/graphql.js';
import { useSession } from '../../shared/session/SessionProvider.js';

/**
 * The signed-in account's menu (with log out). Loaded on its own (Header.tsx): a visitor's first
 * page does not carry the menu's popover code.
 */
export function AccountMenu() {
  const { t } = useTranslation();
  const { session, signedOut } = useSession();
  const navigate = useNavigate();
  const [, logOut] = useMutation(LogOutDocument);
  if (!session) return null;

  const onLogOut = async () => {
    // The session ends in the API and in this tab even if the request fails (e.g. offline).
    await logOut({});
    signedOut();
    void navigate('/');
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('account.menuLabel', { name: session.user.fullName })}>
          <Group gap="xs" wrap="nowrap">
            <Avatar size="sm" radius="xl" name={session.user.fullName} color="initials" aria-hidden />
            <Text size="sm" visibleFrom="sm">{session.user.fullName}</Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{session.user.fullName}</Menu.Label>
        <Menu.Item onClick={() => void onLogOut()}>{t('account.logOut')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
