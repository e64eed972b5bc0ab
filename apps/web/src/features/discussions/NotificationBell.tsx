import { ActionIcon, Indicator } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useClient, useQuery, useSubscription } from 'urql';
import { CommunityNotificationAddedDocument, CommunityUnreadCountDocument } from './discussions.generated.js';
import { refreshUnreadCount } from './refresh-unread.js';

/**
 * The header's bell for signed-in people: the unread count, kept current by the `notificationAdded`
 * subscription (graphql-ws, opened lazily), linking to the feed.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const client = useClient();
  const [{ data }] = useQuery({ query: CommunityUnreadCountDocument });
  useSubscription({ query: CommunityNotificationAddedDocument }, (_previous, event) => {
    refreshUnreadCount(client);
    return event;
  });
  const count = data?.unreadNotificationCount ?? 0;
  return (
    <Indicator label={count > 99 ? '99+' : String(count)} size={18} disabled={count === 0} offset={4} aria-hidden={false}>
      <ActionIcon component={Link} to="/community/notifications" variant="subtle" size="lg" aria-label={t('community.bell.label', { count })}>
        <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
      </ActionIcon>
    </Indicator>
  );
}
