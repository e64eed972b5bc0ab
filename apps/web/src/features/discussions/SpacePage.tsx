import { Anchor, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CommunityFollowDocument, CommunitySpaceDocument, CommunitySpaceThreadsDocument, CommunityStartThreadDocument } from './discussions.generated.js';
import { formatDateTime } from '../../shared/formatting/format.js';
import { useSession } from '../../shared/session/SessionProvider.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useActionError } from '../../shared/ui/forms/useActionError.js';
import { Page } from '../../shared/ui/Page.js';
import { type CatalogueChunkProps, SearchedPages } from '../../shared/ui/SearchableCatalogue.js';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states.js';
import { MarkdownField } from './MarkdownField.js';
import { ResourceShelf } from './ResourceShelf.js';

/** A space: its threads (pinned first, searchable, 20 at a time), a new thread, and its resource shelf. */
export function SpacePage() {
  const { t } = useTranslation();
  const { spaceId = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: CommunitySpaceDocument, variables: { id: spaceId } });
  if (fetching && !data) return <LoadingState />;
  if (error) return <Page title={t('community.space.title')}><ErrorState error={error} /></Page>;
  const space = data?.space;
  if (!space) return <Page title={t('community.space.notFound')}><EmptyState title={t('community.space.notFound')} /></Page>;
  return (
    <Page
      title={space.title}
      actions={(
        <Group gap="sm">
          <Anchor component={Link} to="/community">{t('community.space.allForums')}</Anchor>
          <FollowButton spaceId={space.id} following={space.following} />
        </Group>
      )}
    >
      {space.description ? <Text>{space.description}</Text> : null}
      <Threads spaceId={space.id} />
      {space.canPost ? <StartThreadForm spaceId={space.id} /> : null}
      <ResourceShelf spaceId={space.id} canAdd={space.canPost} />
    </Page>
  );
}

function FollowButton({ spaceId, following }: { spaceId: string; following: boolean }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [now, setNow] = useState(following);
  const [{ fetching }, follow] = useMutation(CommunityFollowDocument);
  if (!session) return null;
  return (
    <Button size="compact-sm" variant="light" loading={fetching} aria-pressed={now} onClick={async () => {
      const { data } = await follow({ spaceId, follow: !now });
      if (data) setNow(data.followSpace);
    }}>
      {now ? t('community.space.unfollow') : t('community.space.follow')}
    </Button>
  );
}

function Threads({ spaceId }: { spaceId: string }) {
  const { t } = useTranslation();
  const Chunk = useCallback((props: CatalogueChunkProps) => <ThreadsChunk spaceId={spaceId} {...props} />, [spaceId]);
  return (
    <Stack gap="sm" component="section" aria-labelledby="threads-heading">
      <Title order={2} size="h3" id="threads-heading">{t('community.space.threads')}</Title>
      <SearchedPages searchLabel={t('community.space.searchThreads')} Chunk={Chunk} maw={420} gap="sm" />
    </Stack>
  );
}

function ThreadsChunk({ spaceId, search, after, isLast, onMore }: CatalogueChunkProps & { spaceId: string }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: CommunitySpaceThreadsDocument, variables: { id: spaceId, after, search: search || null }, requestPolicy: 'cache-and-network' });
  if (fetching && !data) return <LoadingState />;
  if (error) return <ErrorState error={error} />;
  const threads = data?.space?.threads;
  if (!threads) return null;
  if (!after && threads.edges.length === 0) return <EmptyState title={search ? t('community.space.noMatches') : t('community.space.noThreads')} />;
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {threads.edges.map(({ node }) => (
        <Card key={node.id} withBorder component="li" padding="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Anchor component={Link} to={`/community/threads/${node.id}`} fw={600}>{node.title}</Anchor>
            <Group gap="xs">
              {node.pinned ? <Badge variant="light">{t('community.thread.pinned')}</Badge> : null}
              {node.locked ? <Badge variant="light" color="gray">{t('community.thread.locked')}</Badge> : null}
              {node.answer ? <Badge variant="light" color="green">{t('community.thread.answered')}</Badge> : null}
            </Group>
          </Group>
          <Text size="sm" c="dimmed">{t('community.space.threadMeta', { name: node.author?.fullName ?? t('community.post.formerMember'), time: formatDateTime(node.lastPostAt) })}</Text>
        </Card>
      ))}
      {isLast && threads.pageInfo.hasNextPage && threads.pageInfo.endCursor ? (
        <li><Button variant="default" onClick={() => onMore(threads.pageInfo.endCursor!)}>{t('common.showMore')}</Button></li>
      ) : null}
    </Stack>
  );
}

function StartThreadForm({ spaceId }: { spaceId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [{ fetching }, start] = useMutation(CommunityStartThreadDocument);
  const { alert, showError, setAlert } = useActionError();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAlert(null);
    const { data, error } = await start({ spaceId, input: { title, body } });
    if (error) return showError(error);
    if (data) void navigate(`/community/threads/${data.startThread.id}`);
  };
  return (
    <Stack gap="sm" component="section" aria-labelledby="start-thread-heading">
      <Title order={2} size="h3" id="start-thread-heading">{t('community.space.startThread')}</Title>
      <form onSubmit={submit} aria-label={t('community.space.startThread')}>
        <Stack gap="xs">
          <TextInput label={t('community.space.threadTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
          <MarkdownField id={`thread-body-${spaceId}`} label={t('community.space.threadBody')} value={body} onChange={setBody} />
          <FormAlert message={alert} />
          <Button type="submit" loading={fetching} w="fit-content">{t('community.space.postThread')}</Button>
        </Stack>
      </form>
    </Stack>
  );
}
