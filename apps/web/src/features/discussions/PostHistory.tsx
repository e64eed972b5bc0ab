import { Button, Code, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { CommunityPostHistoryDocument } from './discussions.generated.js';
import { formatDateTime } from '../../shared/formatting/format.js';
import { ErrorState, LoadingState } from '../../shared/ui/states.js';

/**
 * The earlier bodies of an edited post, newest first, shown as the Markdown that was written (plain
 * text: never rendered as HTML here). Read from the thread's posts page that holds the post.
 */
export function PostHistory({ threadId, postId, after, onClose }: { threadId: string; postId: string; after: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: CommunityPostHistoryDocument, variables: { id: threadId, after }, requestPolicy: 'network-only' });
  if (fetching && !data) return <LoadingState />;
  if (error) return <ErrorState error={error} />;
  const revisions = data?.thread?.posts.edges.find((e) => e.node.id === postId)?.node.revisions ?? [];
  return (
    <Stack gap="xs" component="section" aria-label={t('community.post.history')}>
      {revisions.length === 0 ? <Text size="sm">{t('community.post.noHistory')}</Text> : (
        <List spacing="xs">
          {revisions.map((revision) => (
            <List.Item key={revision.id}>
              <Text size="sm" c="dimmed">{t('community.post.replacedAt', { time: formatDateTime(revision.replacedAt) })}</Text>
              <Code block>{revision.body}</Code>
            </List.Item>
          ))}
        </List>
      )}
      <Button size="compact-sm" variant="default" onClick={onClose} w="fit-content">{t('community.post.closeHistory')}</Button>
    </Stack>
  );
}
