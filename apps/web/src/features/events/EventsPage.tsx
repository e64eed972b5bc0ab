import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { EventsCatalogueDocument, type EventsCatalogueQuery } from './events.generated.js';
import { MoneyText } from '../../shared/ui/MoneyText.js';
import { type CatalogueChunkProps, SearchableCatalogue } from '../../shared/ui/SearchableCatalogue.js';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states.js';
import { ZonedTime } from '../../shared/ui/ZonedTime.js';
import { SeatsText } from './SeatsText.js';

const PAGE_SIZE = 20;

type EventNode = EventsCatalogueQuery['events']['edges'][number]['node'];

/** Published events, soonest first, with a search (kept in the address: `?q=`) and "show more". */
export function EventsPage() {
  const { t } = useTranslation();
  return <SearchableCatalogue title={t('events.title')} searchLabel={t('events.searchLabel')} Chunk={EventsChunk} />;
}

function EventsChunk({ search, after, isLast, onMore }: CatalogueChunkProps) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: EventsCatalogueDocument, variables: { first: PAGE_SIZE, after, search: search || null } });
  if (fetching && !data) return <LoadingState />;
  if (error) return <ErrorState error={error} />;
  if (!data) return null;
  const { edges, pageInfo, totalCount } = data.events;
  if (!after && edges.length === 0) return <EmptyState title={search ? t('events.noMatches', { search }) : t('events.none')} />;
  return (
    <>
      {!after ? <Text size="sm" c="dimmed" aria-live="polite">{t('events.count', { count: totalCount })}</Text> : null}
      {edges.map(({ node }) => <EventCard key={node.id} event={node} />)}
      {isLast && pageInfo.hasNextPage && pageInfo.endCursor ? (
        <Button variant="default" onClick={() => onMore(pageInfo.endCursor as string)} style={{ alignSelf: 'center' }}>
          {t('common.showMore')}
        </Button>
      ) : null}
    </>
  );
}

function EventCard({ event }: { event: EventNode }) {
  const { t } = useTranslation();
  return (
    <Card withBorder component="article" aria-labelledby={`event-${event.id}`} padding="md">
      <Stack gap={6}>
        <Group gap="xs">
          <Badge variant="light">{t(`events.kind.${event.kind}`)}</Badge>
          <Badge variant="outline" color="gray">{t(`events.format.${event.format}`)}</Badge>
          {event.status === 'CANCELLED' ? <Badge color="red">{t('events.status.CANCELLED')}</Badge> : null}
          {event.membersOnly ? <Badge variant="outline">{t('events.membersOnly')}</Badge> : null}
        </Group>
        <Title order={2} size="h3" id={`event-${event.id}`}>
          <Anchor component={Link} to={`/events/${event.id}`} inherit>{event.title}</Anchor>
        </Title>
        <ZonedTime iso={event.startsAt} timeZone={event.timezone} />
        {event.venue ? <Text size="sm">{event.venue}</Text> : null}
        <Text size="sm">
          {t('events.memberPrice')}: <MoneyText money={event.memberPrice} /> · {t('events.nonMemberPrice')}: <MoneyText money={event.nonMemberPrice} /> ·{' '}
          <SeatsText seatsRemaining={event.seatsRemaining} />
        </Text>
      </Stack>
    </Card>
  );
}
