import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { StudyGroupsCatalogueDocument, type StudyGroupsCatalogueQuery } from './study-groups.generated.js';
import { type CatalogueChunkProps, SearchableCatalogue } from '../../shared/ui/SearchableCatalogue.js';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states.js';

const PAGE_SIZE = 24;

type Group = StudyGroupsCatalogueQuery['studyGroups']['edges'][number]['node'];

/** Groups open for joining (forming and active), by name, with a search kept in `?q=`. */
export function StudyGroupsPage() {
  const { t } = useTranslation();
  return <SearchableCatalogue title={t('groups.title')} searchLabel={t('groups.searchLabel')} Chunk={GroupsChunk} />;
}

function GroupsChunk({ search, after, isLast, onMore }: CatalogueChunkProps) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: StudyGroupsCatalogueDocument, variables: { first: PAGE_SIZE, after, search: search || null } });
  if (fetching && !data) return <LoadingState />;
  if (error) return <ErrorState error={error} />;
  if (!data) return null;
  const { edges, pageInfo, totalCount } = data.studyGroups;
  if (!after && edges.length === 0) return <EmptyState title={search ? t('groups.noMatches', { search }) : t('groups.none')} />;
  return (
    <>
      {!after ? <Text size="sm" c="dimmed" aria-live="polite">{t('groups.count', { count: totalCount })}</Text> : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {edges.map(({ node }) => <GroupCard key={node.id} group={node} />)}
      </SimpleGrid>
      {isLast && pageInfo.hasNextPage && pageInfo.endCursor ? (
        <Button variant="default" onClick={() => onMore(pageInfo.endCursor as string)} style={{ alignSelf: 'center' }}>
          {t('common.showMore')}
        </Button>
      ) : null}
    </>
  );
}

function GroupCard({ group }: { group: Group }) {
  const { t } = useTranslation();
  return (
    <Card withBorder component="article" aria-labelledby={`group-${group.id}`} padding="md">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} size="h4" id={`group-${group.id}`}>{group.name}</Title>
          <Badge variant="light">{t(`groups.status.${group.status}`)}</Badge>
        </Group>
        <Text size="sm" fw={500}>{group.topic}</Text>
        {group.description ? <Text size="sm" lineClamp={3}>{group.description}</Text> : null}
        <Text size="sm">{scheduleText(group.schedule, t)}</Text>
        <Text size="sm" c="dimmed">
          {t('groups.members', { count: group.memberCount })} · {group.spotsLeft > 0 ? t('groups.spotsLeft', { count: group.spotsLeft }) : t('groups.full')}
        </Text>
      </Stack>
    </Card>
  );
}

/** The catalogue's own `t` (ReturnType<typeof useTranslation> would widen it to every namespace and prefix: too deep for tsc). */
type Translate = TFunction;

/** "Weekly on Tuesday at 18:30 (Europe/Berlin), 60 minutes". */
function scheduleText(schedule: Group['schedule'], t: Translate): string {
  const weekday = t(`groups.weekday.${schedule.weekday}`);
  const when =
    schedule.cadence === 'MONTHLY'
      ? t('groups.cadence.MONTHLY', { weekday, nth: t(`groups.nth.${String(schedule.weekOfMonth ?? 1) as '1' | '2' | '3' | '4' | '-1'}`) })
      : t(`groups.cadence.${schedule.cadence}`, { weekday });
  return t('groups.schedule', { when, time: schedule.localTime, zone: schedule.timezone, minutes: schedule.durationMinutes });
}
