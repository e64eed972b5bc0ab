import { Badge, Blockquote, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CombinedError, useMutation } from 'urql';
import { CommunityDeletePostDocument, CommunityEditPostDocument, CommunityMarkAnswerDocument, CommunityModerateDocument, CommunityReactDocument, CommunityReportDocument, type DiscussionPostFieldsFragment, type ReactionKind } from './discussions.generated.js';
import { formatDateTime } from '../../shared/formatting/format.js';
import { useSession } from '../../shared/session/SessionProvider.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useActionError } from '../../shared/ui/forms/useActionError.js';
import { MarkdownField } from './MarkdownField.js';
import { PostHistory } from './PostHistory.js';
import { PostHtml } from './PostHtml.js';

export const REACTION_KINDS: ReactionKind[] = ['LIKE', 'THANKS', 'INSIGHTFUL', 'CELEBRATE', 'QUESTION'];

export interface ThreadRights {
  threadId: string;
  threadAuthorId: string | null;
  answerId: string | null;
  canPost: boolean;
  canModerate: boolean;
  questionsAndAnswers: boolean;
}

/** One post: its sanitized HTML (or a tombstone), its quote, reactions and what the viewer may do with it. */
export function PostCard({ post, rights, onQuote, onChanged, pageAfter = null }: {
  post: DiscussionPostFieldsFragment; rights: ThreadRights; onQuote?: (post: DiscussionPostFieldsFragment) => void;
  /** Told what a mutation answered about this post (for posts held outside the cache: live ones). */
  onChanged?: (patch: Partial<DiscussionPostFieldsFragment> & { id: string }) => void; pageAfter?: string | null;
}) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [mode, setMode] = useState<'read' | 'edit' | 'report' | 'history'>('read');
  const { alert, showError, setAlert } = useActionError();
  const [, react] = useMutation(CommunityReactDocument);
  const [, remove] = useMutation(CommunityDeletePostDocument);
  const [, moderate] = useMutation(CommunityModerateDocument);
  const [, markAnswer] = useMutation(CommunityMarkAnswerDocument);
  const mine = !!session && post.author?.id === session.user.id;
  const isAnswer = rights.answerId === post.id;
  const author = post.author?.fullName ?? t('community.post.formerMember');
  const headingId = `post-${post.id}`;

  const run = async <D,>(result: Promise<{ data?: D; error?: CombinedError }>, changed?: (data: D) => Partial<DiscussionPostFieldsFragment> & { id: string }) => {
    setAlert(null);
    const { data, error } = await result;
    if (error) showError(error);
    else if (data && changed) onChanged?.(changed(data));
  };

  let content;
  if (post.deleted) content = <Text c="dimmed" fs="italic">{t('community.post.deleted')}</Text>;
  else if (post.hidden && !rights.canModerate) content = <Text c="dimmed" fs="italic">{t('community.post.hidden')}</Text>;
  else if (mode === 'edit') content = <EditForm post={post} onDone={() => setMode('read')} onChanged={onChanged} />;
  else content = <PostHtml html={post.html} />;

  return (
    <Card withBorder component="article" aria-labelledby={headingId} data-post-id={post.id}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600} id={headingId}>{t('community.post.by', { name: author })}</Text>
          <Group gap="xs">
            {isAnswer ? <Badge variant="light" color="green">{t('community.post.answer')}</Badge> : null}
            {post.hidden ? <Badge variant="light" color="orange">{t('community.post.hiddenBadge')}</Badge> : null}
            <Text size="sm" c="dimmed">{formatDateTime(post.createdAt)}</Text>
            {post.editedAt ? <Text size="sm" c="dimmed">{t('community.post.edited', { time: formatDateTime(post.editedAt) })}</Text> : null}
          </Group>
        </Group>
        {post.quote && !post.deleted ? (
          <Blockquote p="sm" cite={t('community.post.quoting', { name: post.quote.author?.fullName ?? t('community.post.formerMember') })}>
            {post.quote.deleted || (post.quote.hidden && !post.quote.html) ? <Text size="sm" c="dimmed">{t('community.post.quoteGone')}</Text> : <PostHtml html={post.quote.html} />}
          </Blockquote>
        ) : null}
        {content}
        {!post.deleted ? (
          <Group gap="xs" aria-label={t('community.post.reactions')} role="group">
            {REACTION_KINDS.map((kind) => {
              const count = post.reactions.find((r) => r.kind === kind);
              const label = t(`community.reaction.${kind}`);
              if (!rights.canPost && !count?.count) return null;
              return (
                <Button
                  key={kind}
                  size="compact-sm"
                  variant={count?.mine ? 'filled' : 'default'}
                  aria-pressed={!!count?.mine}
                  disabled={!rights.canPost}
                  onClick={() => run(react({ postId: post.id, kind, on: !count?.mine }), (d) => d.reactToPost)}
                >
                  {t('community.reaction.button', { label, count: count?.count ?? 0 })}
                </Button>
              );
            })}
          </Group>
        ) : null}
        {!post.deleted && mode === 'read' ? (
          <Group gap="xs">
            {rights.canPost && onQuote ? <Button size="compact-sm" variant="subtle" onClick={() => onQuote(post)}>{t('community.post.quote')}</Button> : null}
            {mine && rights.canPost ? <Button size="compact-sm" variant="subtle" onClick={() => setMode('edit')}>{t('community.post.edit')}</Button> : null}
            {post.editedAt ? <Button size="compact-sm" variant="subtle" onClick={() => setMode('history')}>{t('community.post.history')}</Button> : null}
            {mine || rights.canModerate ? (
              <Button size="compact-sm" variant="subtle" color="red" onClick={() => { if (window.confirm(t('community.post.confirmDelete'))) void run(remove({ postId: post.id }), (d) => d.deletePost); }}>{t('community.post.delete')}</Button>
            ) : null}
            {session && !mine ? <Button size="compact-sm" variant="subtle" onClick={() => setMode('report')}>{t('community.post.report')}</Button> : null}
            {rights.questionsAndAnswers && (rights.canModerate || (session && rights.threadAuthorId === session.user.id)) ? (
              <Button size="compact-sm" variant="subtle" onClick={() => run(markAnswer({ threadId: rights.threadId, postId: isAnswer ? null : post.id }))}>
                {isAnswer ? t('community.post.unmarkAnswer') : t('community.post.markAnswer')}
              </Button>
            ) : null}
            {rights.canModerate ? (
              <Button size="compact-sm" variant="light" color="orange" onClick={() => run(moderate({ postId: post.id, action: post.hidden ? 'RESTORE' : 'HIDE' }), (d) => d.moderatePost)}>
                {post.hidden ? t('community.post.restore') : t('community.post.hide')}
              </Button>
            ) : null}
          </Group>
        ) : null}
        {mode === 'report' ? <ReportForm postId={post.id} onDone={() => setMode('read')} /> : null}
        {mode === 'history' ? <PostHistory threadId={rights.threadId} postId={post.id} after={pageAfter} onClose={() => setMode('read')} /> : null}
        <FormAlert message={alert} />
      </Stack>
    </Card>
  );
}

function EditForm({ post, onDone, onChanged }: { post: DiscussionPostFieldsFragment; onDone: () => void; onChanged?: (patch: DiscussionPostFieldsFragment) => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState(post.body);
  const [{ fetching }, edit] = useMutation(CommunityEditPostDocument);
  const { alert, showError } = useActionError();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { data, error } = await edit({ postId: post.id, body });
    if (error) return showError(error);
    if (data) onChanged?.(data.editPost);
    onDone();
  };
  return (
    <form onSubmit={submit} aria-label={t('community.post.editForm')}>
      <Stack gap="xs">
        <MarkdownField id={`edit-${post.id}`} label={t('community.post.editLabel')} value={body} onChange={setBody} />
        <FormAlert message={alert} />
        <Group gap="xs">
          <Button type="submit" loading={fetching}>{t('community.post.save')}</Button>
          <Button variant="default" onClick={onDone}>{t('community.cancel')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

function ReportForm({ postId, onDone }: { postId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [sent, setSent] = useState(false);
  const [{ fetching }, report] = useMutation(CommunityReportDocument);
  const { alert, showError } = useActionError();
  if (sent) return <Text role="status" size="sm">{t('community.post.reported')}</Text>;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { error } = await report({ postId, reason });
    if (error) showError(error);
    else setSent(true);
  };
  return (
    <form onSubmit={submit} aria-label={t('community.post.reportForm')}>
      <Stack gap="xs">
        <TextInput label={t('community.post.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required />
        <FormAlert message={alert} />
        <Group gap="xs">
          <Button type="submit" loading={fetching}>{t('community.post.sendReport')}</Button>
          <Button variant="default" onClick={onDone}>{t('community.cancel')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
