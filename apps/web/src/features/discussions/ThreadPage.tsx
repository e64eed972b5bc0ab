import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CommunityReplyDocument, CommunityThreadDocument, CommunityThreadPostsDocument, CommunityThreadStateDocument, type DiscussionPostFieldsFragment } from './discussions.generated.js';
import { useSession } from '../../shared/session/SessionProvider.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useActionError } from '../../shared/ui/forms/useActionError.js';
import { Page } from '../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states.js';
import { useLivePosts } from './live.js';
import { MarkdownField } from './MarkdownField.js';
import { PostCard, type ThreadRights } from './PostCard.js';

/** A thread: its posts 50 at a time (show more), live replies, the reply composer and moderation. */
export function ThreadPage() {
  const { t } = useTranslation();
  const { threadId = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: CommunityThreadDocument, variables: { id: threadId } });
  if (fetching && !data) return <LoadingState />;
  if (error) return <ErrorState error={error} />;
  const thread = data?.thread;
  if (!thread) return <Page title={t('community.thread.notFound')}><EmptyState title={t('community.thread.notFound')} /></Page>;
  return <ThreadView thread={thread} />;
}

type ThreadData = NonNullable<import('./discussions.generated.js').CommunityThreadQuery['thread']>;

function ThreadView({ thread }: { thread: ThreadData }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const { livePosts, addPost, updatePost } = useLivePosts(session ? thread.space.id : undefined, thread.id);
  const [quote, setQuote] = useState<DiscussionPostFieldsFragment | null>(null);
  const rights: ThreadRights = {
    threadId: thread.id,
    threadAuthorId: thread.author?.id ?? null,
    answerId: thread.answer?.id ?? null,
    canPost: thread.space.canPost && (!thread.locked || thread.space.canModerate),
    canModerate: thread.space.canModerate,
    questionsAndAnswers: thread.space.questionsAndAnswers,
  };
  const liveIds = new Set(livePosts.map((p) => p.id));

  return (
    <Page
      title={thread.title}
      actions={(
        <Group gap="xs">
          <Anchor component={Link} to={`/community/spaces/${thread.space.id}`}>{t('community.thread.backTo', { space: thread.space.title })}</Anchor>
          {thread.pinned ? <Badge variant="light">{t('community.thread.pinned')}</Badge> : null}
          {thread.locked ? <Badge variant="light" color="gray">{t('community.thread.locked')}</Badge> : null}
          {thread.space.canModerate ? <ThreadModeration threadId={thread.id} pinned={thread.pinned} locked={thread.locked} /> : null}
        </Group>
      )}
    >
      <Stack gap="md" component="section" aria-label={t('community.thread.posts')}>
        {cursors.map((after, index) => (
          <PostsChunk
            key={after ?? 'first'}
            threadId={thread.id}
            after={after}
            isLast={index === cursors.length - 1}
            rights={rights}
            skip={liveIds}
            onQuote={setQuote}
            onMore={(cursor) => setCursors((list) => [...list, cursor])}
          />
        ))}
        {livePosts.map((post) => <PostCard key={post.id} post={post} rights={rights} onQuote={setQuote} onChanged={updatePost} />)}
      </Stack>
      {rights.canPost ? (
        <ReplyForm threadId={thread.id} quote={quote} onClearQuote={() => setQuote(null)} onPosted={addPost} />
      ) : (
        <Text c="dimmed">{thread.locked ? t('community.thread.lockedHint') : session ? t('community.thread.cannotPost') : t('community.thread.logInToReply')}</Text>
      )}
    </Page>
  );
}

function PostsChunk({ threadId, after, isLast, rights, skip, onQuote, onMore }: {
  threadId: string; after: string | null; isLast: boolean; rights: ThreadRights; skip: Set<string>;
  onQuote: (post: DiscussionPostFieldsFragment) => void; onMore: (cursor: string) => void;
}) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: CommunityThreadPostsDocument, variables: { id: threadId, after } });
  if (fetching && !data) return <LoadingState />;
  if (error) return <ErrorState error={error} />;
  const posts = data?.thread?.posts;
  if (!posts) return null;
  return (
    <>
      {posts.edges.filter((e) => !skip.has(e.node.id)).map((e) => <PostCard key={e.node.id} post={e.node} rights={rights} onQuote={onQuote} pageAfter={after} />)}
      {isLast && posts.pageInfo.hasNextPage && posts.pageInfo.endCursor ? (
        <Button variant="default" w="fit-content" onClick={() => onMore(posts.pageInfo.endCursor!)}>{t('community.thread.morePosts')}</Button>
      ) : null}
    </>
  );
}

function ReplyForm({ threadId, quote, onClearQuote, onPosted }: {
  threadId: string; quote: DiscussionPostFieldsFragment | null; onClearQuote: () => void; onPosted: (post: DiscussionPostFieldsFragment) => void;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [{ fetching }, reply] = useMutation(CommunityReplyDocument);
  const { alert, showError, setAlert } = useActionError();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAlert(null);
    const { data, error } = await reply({ threadId, body, quotePostId: quote?.id ?? null });
    if (error) return showError(error);
    if (data) onPosted(data.replyToThread);
    setBody('');
    onClearQuote();
  };
  return (
    <form onSubmit={submit} aria-label={t('community.thread.replyForm')}>
      <Stack gap="xs">
        {quote ? (
          <Group gap="xs">
            <Text size="sm">{t('community.thread.quoting', { name: quote.author?.fullName ?? t('community.post.formerMember') })}</Text>
            <Button size="compact-xs" variant="subtle" onClick={onClearQuote}>{t('community.thread.removeQuote')}</Button>
          </Group>
        ) : null}
        <MarkdownField id={`reply-${threadId}`} label={t('community.thread.replyLabel')} value={body} onChange={setBody} />
        <FormAlert message={alert} />
        <Button type="submit" loading={fetching} w="fit-content">{t('community.thread.postReply')}</Button>
      </Stack>
    </form>
  );
}

function ThreadModeration({ threadId, pinned, locked }: { threadId: string; pinned: boolean; locked: boolean }) {
  const { t } = useTranslation();
  const [{ fetching }, setState] = useMutation(CommunityThreadStateDocument);
  const { alert, showError } = useActionError();
  const change = async (patch: { pinned?: boolean; locked?: boolean }) => {
    const { error } = await setState({ threadId, ...patch });
    if (error) showError(error);
  };
  return (
    <>
      <Button size="compact-sm" variant="light" disabled={fetching} onClick={() => change({ pinned: !pinned })}>{pinned ? t('community.thread.unpin') : t('community.thread.pin')}</Button>
      <Button size="compact-sm" variant="light" disabled={fetching} onClick={() => change({ locked: !locked })}>{locked ? t('community.thread.unlock') : t('community.thread.lock')}</Button>
      <FormAlert message={alert} />
    </>
  );
}
