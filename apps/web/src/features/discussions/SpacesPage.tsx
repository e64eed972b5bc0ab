import { Anchor, Badge, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { CommunitySpacesDocument } from './discussions.generated.js';
import { useSession } from '../../shared/session/SessionProvider.js';
import { Page } from '../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states.js';

/** The forums the viewer may read, by title, with a search over everything they may read. */
export function SpacesPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const navigate = useNavigate();
  const [draft, setDraft] = useState('');
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim()) void navigate(`/community/search?q=${encodeURIComponent(draft.trim())}`);
  };
  return (
    <Page
      title={t('community.spaces.title')}
      actions={session ? (
        <Group gap="md">
          <Anchor component={Link} to="/community/notifications">{t('community.notifications.title')}</Anchor>
          <Anchor component={Link} to="/community/notifications/settings">{t('community.settings.title')}</Anchor>
        </Group>
      ) : undefined}
    >
      <form onSubmit={submit} role="search" aria-label={t('community.search.label')}>
        <Group align="flex-end" gap="sm">
          <TextInput label={t('community.search.label')} value={draft} onChange={(e) => setDraft(e.currentTarget.value)} maw={420} style={{ flexGrow: 1 }} />
          <Button type="submit" variant="default">{t('common.search')}</Button>
        </Group>
      </form>
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('community.spaces.list')}>
        {cursors.map((after, index) => (
          <SpacesChunk key={after ?? 'first'} after={after} isLast={index === cursors.length - 1} onMore={(c) => setCursors((l) => [...l, c])} />
        ))}
      </Stack>
    </Page>
  );
}

function SpacesChunk({ after, isLast, onMore }: { after: string | null; isLast: boolean; onMore: (cursor: string) => void }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: CommunitySpacesDocument, variables: { after } });
  if (fetching && !data) return <li><LoadingState /></li>;
  if (error) return <li><ErrorState error={error} /></li>;
  const spaces = data?.spaces;
  if (!spaces) return null;
  if (!after && spaces.edges.length === 0) return <li><EmptyState title={t('community.spaces.none')} /></li>;
  return (
    <>
      {spaces.edges.map(({ node }) => (
        <Card key={node.id} withBorder component="li" padding="md">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Anchor component={Link} to={`/community/spaces/${node.id}`} fw={600} size="lg">{node.title}</Anchor>
            <Group gap="xs">
              {node.membersOnly ? <Badge variant="light">{t('community.spaces.membersOnly')}</Badge> : null}
              {node.questionsAndAnswers ? <Badge variant="light" color="green">{t('community.spaces.qa')}</Badge> : null}
            </Group>
          </Group>
          {node.description ? <Text size="sm" mt="xs">{node.description}</Text> : null}
        </Card>
      ))}
      {isLast && spaces.pageInfo.hasNextPage && spaces.pageInfo.endCursor ? (
        <li><Button variant="default" onClick={() => onMore(spaces.pageInfo.endCursor!)}>{t('common.showMore')}</Button></li>
      ) : null}
    </>
  );
}
