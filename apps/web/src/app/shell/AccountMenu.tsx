import { Button, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { LogOutDocument } from '../../shared/session/session.generated.js';
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
        {/* The visible name is the button's name (Mantine adds aria-haspopup and aria-expanded). */}
        <Button variant="default" size="sm" maw={200}>
          <Text size="sm" truncate="end">{session.user.fullName}</Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{session.user.fullName}</Menu.Label>
        <Menu.Item onClick={() => void onLogOut()}>{t('account.logOut')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
