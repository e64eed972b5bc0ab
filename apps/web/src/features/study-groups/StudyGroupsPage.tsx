import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { StudyGroupsCatalogueDocument, type StudyGroupsCatalogueQuery } from '../../shared/api/generated/graphql.js';
import { Page } from '../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states.js';

const PAGE_SIZE = 24;

type Group = StudyGroupsCatalogueQuery['studyGroups']['edges'][number]['node'];

/** Groups open for joining (forming and active), by name, with a search kept in `?q=`. */
export function StudyGroupsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const [draft, setDraft] = useState(search);
  const [cursors, setCursors] = useState<Array<string | null>>([null]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCursors([null]);
    setParams(draft.trim() ? { q: draft.trim() } : {});
  };

  return (
    <Page title={t('groups.title')}>
      <form onSubmit={submit} role="search" aria-label={t('groups.searchLabel')}>
        <Group align="flex-end" gap="sm">
          <TextInput label={t('groups.searchLabel')} value={draft} onChange={(e) => setDraft(e.currentTarget.value)} style={{ flexGrow: 1 }} maw={480} />
          <Button type="submit" variant="default">{t('common.search')}</Button>
        </Group>
      </form>
      <Stack gap="md">
        {cursors.map((after, index) => (
          <GroupsChunk
            key={`${search}:${after ?? 'first'}`}
            search={search}
            after={after}
            isLast={index === cursors.length - 1}
            onMore={(cursor) => setCursors((list) => [...list, cursor])}
          />
        ))}
      </Stack>
    </Page>
  );
}

function GroupsChunk({ search, after, isLast, onMore }: { search: string; after: string | null; isLast: boolean; onMore: (cursor: string) => void }) {
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

type Translate = ReturnType<typeof useTranslation>['t'];

/** "Weekly on Tuesday at 18:30 (Europe/Berlin), 60 minutes". */
function scheduleText(schedule: Group['schedule'], t: Translate): string {
  const weekday = t(`groups.weekday.${schedule.weekday}`);
  const when =
    schedule.cadence === 'MONTHLY'
      ? t('groups.cadence.MONTHLY', { weekday, nth: t(`groups.nth.${String(schedule.weekOfMonth ?? 1) as '1' | '2' | '3' | '4' | '-1'}`) })
      : t(`groups.cadence.${schedule.cadence}`, { weekday });
  return t('groups.schedule', { when, time: schedule.localTime, zone: schedule.timezone, minutes: schedule.durationMinutes });
}
