import { Badge, Button, Card, Group, SimpleGrid, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { DirectoryPageDocument, type DirectoryPageQuery } from './directory.generated.js';
import { RequireAuth } from '../../shared/session/guards.js';
import { Page } from '../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states.js';

type Member = DirectoryPageQuery['memberDirectory']['edges'][number]['node'];

/** Members in good standing who chose to be listed. The filters live in the address (shareable). */
export function DirectoryPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('directory.title')}>
      <RequireAuth>
        <Directory />
      </RequireAuth>
    </Page>
  );
}

function readFilters(params: URLSearchParams) {
  return {
    search: params.get('q') ?? '',
    skills: params.getAll('skill'),
    location: params.get('location') ?? '',
  };
}

function Directory() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  // Cursors of the pages before this one (for "Previous"), and this page's cursor.
  const [cursors, setCursors] = useState<Array<string | null>>([]);
  const [after, setAfter] = useState<string | null>(null);
  const form = useForm({ initialValues: filters });

  const [{ data, fetching, error }] = useQuery({
    query: DirectoryPageDocument,
    variables: {
      search: filters.search.trim() || null,
      skills: filters.skills.length ? filters.skills : null,
      location: filters.location.trim() || null,
      after,
    },
  });

  const submit = form.onSubmit((values) => {
    const next = new URLSearchParams();
    if (values.search.trim()) next.set('q', values.search.trim());
    for (const skill of values.skills) next.append('skill', skill);
    if (values.location.trim()) next.set('location', values.location.trim());
    setCursors([]);
    setAfter(null);
    setParams(next);
  });

  const members = data?.memberDirectory.edges.map((edge) => edge.node) ?? [];
  const pageInfo = data?.memberDirectory.pageInfo;
  return (
    <Stack gap="lg">
      <form onSubmit={submit} role="search" aria-label={t('directory.searchLabel')}>
        <Group align="flex-end" wrap="wrap">
          <TextInput label={t('directory.search')} type="search" {...form.getInputProps('search')} w={{ base: '100%', sm: 220 }} />
          <TagsInput label={t('directory.skills')} description={t('directory.skillsHint')} {...form.getInputProps('skills')} w={{ base: '100%', sm: 260 }} />
          <TextInput label={t('directory.location')} {...form.getInputProps('location')} w={{ base: '100%', sm: 200 }} />
          <Button type="submit">{t('directory.searchSubmit')}</Button>
        </Group>
      </form>
      {fetching && !data ? <LoadingState /> : null}
      {error && !data ? <ErrorState error={error} /> : null}
      {data ? (
        <Text size="sm" role="status" aria-live="polite">{t('directory.count', { count: data.memberDirectory.totalCount })}</Text>
      ) : null}
      {data && members.length === 0 ? <EmptyState title={t('directory.empty')}>{t('directory.emptyHint')}</EmptyState> : null}
      {members.length > 0 ? (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {members.map((member) => <MemberCard key={member.id} member={member} />)}
        </SimpleGrid>
      ) : null}
      {cursors.length > 0 || pageInfo?.hasNextPage ? (
        <Group justify="space-between" component="nav" aria-label={t('directory.pages')}>
          <Button
            variant="default"
            disabled={cursors.length === 0}
            onClick={() => {
              setAfter(cursors[cursors.length - 1] ?? null);
              setCursors(cursors.slice(0, -1));
            }}
          >
            {t('directory.previous')}
          </Button>
          <Button
            variant="default"
            disabled={!pageInfo?.hasNextPage || !pageInfo.endCursor}
            onClick={() => {
              setCursors([...cursors, after]);
              setAfter(pageInfo?.endCursor ?? null);
            }}
          >
            {t('directory.next')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

function MemberCard({ member }: { member: Member }) {
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`member-${member.id}`}>
      <Stack gap={4}>
        <Title order={2} size="h4" id={`member-${member.id}`}>{member.fullName}</Title>
        {member.headline ? <Text size="sm">{member.headline}</Text> : null}
        {member.employer || member.location ? (
          <Text size="sm" c="dimmed">{[member.employer, member.location].filter(Boolean).join(' · ')}</Text>
        ) : null}
        {member.skills.length ? (
          <Group gap={4} mt={4}>
            {member.skills.map((skill) => <Badge key={skill} variant="light" color="gray" tt="none">{skill}</Badge>)}
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
