import { Anchor, Badge, Button, Card, Group, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { CommunityMarkReadDocument, CommunityNotificationsDocument } from './discussions.generated.js';
import { formatDateTime } from '../../shared/formatting/format.js';
import { RequireAuth } from '../../shared/session/guards.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useActionError } from '../../shared/ui/forms/useActionError.js';
import { Page } from '../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states.js';
import { refreshUnreadCount } from './refresh-unread.js';

const KNOWN_KINDS = new Set(['MENTION', 'REPLY', 'NEW_THREAD', 'MODERATION']);

/** My notifications, newest first: unread ones marked, each read on its own or all at once. */
export function NotificationsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('community.notifications.title')} actions={<Anchor component={Link} to="/community/notifications/settings">{t('community.settings.title')}</Anchor>}>
      <RequireAuth>
        <Feed />
      </RequireAuth>
    </Page>
  );
}

function Feed() {
  const { t } = useTranslation();
  const client = useClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [version, setVersion] = useState(0);
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [{ fetching }, markRead] = useMutation(CommunityMarkReadDocument);
  const { alert, showError } = useActionError();
  const mark = async (ids: string[] | null) => {
    const { error } = await markRead({ ids });
    if (error) return showError(error);
    refreshUnreadCount(client);
    setCursors([null]);
    setVersion((v) => v + 1);
  };
  return (
    <Stack gap="sm">
      <Group gap="md">
        <Switch label={t('community.notifications.unreadOnly')} checked={unreadOnly} onChange={(e) => { setUnreadOnly(e.currentTarget.checked); setCursors([null]); }} />
        <Button variant="default" size="compact-sm" loading={fetching} onClick={() => mark(null)}>{t('community.notifications.markAllRead')}</Button>
      </Group>
      <FormAlert message={alert} />
      {cursors.map((after, index) => (
        <FeedChunk key={`${version}:${unreadOnly}:${after ?? 'first'}`} after={after} unreadOnly={unreadOnly} isLast={index === cursors.length - 1} onMore={(c) => setCursors((l) => [...l, c])} onRead={(id) => mark([id])} />
      ))}
    </Stack>
  );
}

function FeedChunk({ after, unreadOnly, isLast, onMore, onRead }: { after: string | null; unreadOnly: boolean; isLast: boolean; onMore: (cursor: string) => void; onRead: (id: string) => void }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: CommunityNotificationsDocument, variables: { after, unreadOnly }, requestPolicy: 'network-only' });
  if (fetching && !data) return <LoadingState />;
  if (error) return <ErrorState error={error} />;
  const list = data?.notifications;
  if (!list) return null;
  if (!after && list.edges.length === 0) return <EmptyState title={t('community.notifications.none')} />;
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {list.edges.map(({ node }) => {
        const kind = KNOWN_KINDS.has(node.kind) ? t(`community.kind.${node.kind as 'MENTION'}`) : node.kind;
        return (
          <Card key={node.id} withBorder component="li" padding="sm">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Group gap="xs">
                {node.readAt ? null : <Badge variant="light" color="blue">{t('community.notifications.unread')}</Badge>}
                <Text fw={600}>{kind}</Text>
                <Text size="sm" c="dimmed">{formatDateTime(node.createdAt)}</Text>
              </Group>
              {node.readAt ? null : <Button size="compact-sm" variant="subtle" onClick={() => onRead(node.id)}>{t('community.notifications.markRead')}</Button>}
            </Group>
            {node.post ? (
              <Text size="sm">
                {t('community.notifications.about', { name: node.post.author?.fullName ?? t('community.post.formerMember') })}{' '}
                <Anchor component={Link} to={`/community/threads/${node.post.thread.id}`}>{node.post.thread.title}</Anchor>
              </Text>
            ) : null}
          </Card>
        );
      })}
      {isLast && list.pageInfo.hasNextPage && list.pageInfo.endCursor ? (
        <li><Button variant="default" onClick={() => onMore(list.pageInfo.endCursor!)}>{t('common.showMore')}</Button></li>
      ) : null}
    </Stack>
  );
}
