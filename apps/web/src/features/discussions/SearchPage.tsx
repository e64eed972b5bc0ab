import { Anchor, Button, Card, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { CommunitySearchDocument } from './discussions.generated.js';
import { formatDateTime } from '../../shared/formatting/format.js';
import { type CatalogueChunkProps, SearchableCatalogue } from '../../shared/ui/SearchableCatalogue.js';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states.js';
import { PostHtml } from './PostHtml.js';

/** Search over the posts and resources the viewer may read, best first (`?q=` in the address). */
export function SearchPage() {
  const { t } = useTranslation();
  return <SearchableCatalogue title={t('community.search.title')} searchLabel={t('community.search.label')} Chunk={SearchChunk} />;
}

function SearchChunk({ search, after, isLast, onMore }: CatalogueChunkProps) {
  const { t } = useTranslation();
  const tooShort = search.trim().length < 2;
  const [{ data, fetching, error }] = useQuery({ query: CommunitySearchDocument, variables: { query: search, after }, pause: tooShort });
  if (tooShort) return <Text c="dimmed">{t('community.search.hint')}</Text>;
  if (fetching && !data) return <LoadingState />;
  if (error) return <ErrorState error={error} />;
  const hits = data?.searchDiscussions;
  if (!hits) return null;
  if (!after && hits.edges.length === 0) return <EmptyState title={t('community.search.none')} />;
  return (
    <Stack gap="sm">
      {!after ? <Text size="sm" role="status">{t('community.search.count', { count: hits.totalCount })}</Text> : null}
      {hits.edges.map(({ cursor, node }) => (
        <Card key={cursor} withBorder padding="sm" component="article">
          {node.post ? (
            <Stack gap={4}>
              <Anchor component={Link} to={`/community/threads/${node.post.thread.id}`} fw={600}>{node.post.thread.title}</Anchor>
              <Text size="sm" c="dimmed">{t('community.space.threadMeta', { name: node.post.author?.fullName ?? t('community.post.formerMember'), time: formatDateTime(node.post.createdAt) })}</Text>
              <PostHtml html={node.post.html} />
            </Stack>
          ) : node.resource ? (
            <Text>{t('community.search.resource', { title: node.resource.title })}</Text>
          ) : null}
        </Card>
      ))}
      {isLast && hits.pageInfo.hasNextPage && hits.pageInfo.endCursor ? (
        <Button variant="default" w="fit-content" onClick={() => onMore(hits.pageInfo.endCursor!)}>{t('common.showMore')}</Button>
      ) : null}
    </Stack>
  );
}
