import { Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { MentoringProgramsDocument, MyMentoringDocument } from './mentoring.generated.js';
import { formatDate, formatDateTime, formatNumber } from '../../shared/formatting/format.js';
import { RequireAuth } from '../../shared/session/guards.js';
import { useSession } from '../../shared/session/SessionProvider.js';
import { Page } from '../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states.js';
import { ApplyForm } from './ApplyForm.js';
import { MyApplications } from './MyApplications.js';
import { PairCard } from './PairCard.js';

/** Mentoring for a member: my pairs first, my applications, then the programs with cohorts open for applications. */
export function MentoringPage() {
  const { t } = useTranslation();
  const [applications, setApplications] = useState(0);
  return (
    <Page title={t('mentoring.title')}>
      <RequireAuth>
        <MyPairs />
        <MyApplications version={applications} />
        <Programs onApplied={() => setApplications((n) => n + 1)} />
      </RequireAuth>
    </Page>
  );
}

function MyPairs() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: MyMentoringDocument });
  return (
    <Stack component="section" aria-labelledby="my-pairs">
      <Title order={2} id="my-pairs">{t('mentoring.myPairs')}</Title>
      {fetching && !data ? <LoadingState /> : null}
      {error ? <ErrorState error={error} /> : null}
      {data && data.myMentoring.length === 0 ? <EmptyState title={t('mentoring.noPairs')}>{t('mentoring.noPairsHint')}</EmptyState> : null}
      {session && data?.myMentoring.map((pair) => (
        <PairCard key={pair.id} pair={pair} viewerId={session.user.id} onChanged={() => reexecute({ requestPolicy: 'network-only' })} />
      ))}
    </Stack>
  );
}

function Programs({ onApplied }: { onApplied: () => void }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: MentoringProgramsDocument });
  return (
    <Stack component="section" aria-labelledby="programs">
      <Title order={2} id="programs">{t('mentoring.programs')}</Title>
      {fetching && !data ? <LoadingState /> : null}
      {error ? <ErrorState error={error} /> : null}
      {data && data.mentoringPrograms.length === 0 ? <EmptyState title={t('mentoring.noPrograms')} /> : null}
      {data?.mentoringPrograms.map((program) => {
        const open = program.cohorts.filter((c) => c.status === 'APPLICATIONS_OPEN');
        return (
          <Card key={program.id} withBorder component="article" aria-labelledby={`program-${program.id}`}>
            <Stack gap="sm">
              <Title order={3} size="h4" id={`program-${program.id}`}>{program.name}</Title>
              {program.description ? <Text size="sm">{program.description}</Text> : null}
              <Text size="sm">{t('mentoring.creditsPerHour', { credits: formatNumber(program.ceCreditsPerHour) })}</Text>
              {open.length === 0 ? <Text size="sm" c="dimmed">{t('mentoring.noOpenCohorts')}</Text> : null}
              {open.map((cohort) => (
                <Stack key={cohort.id} gap="xs">
                  <Title order={4} size="h5">{cohort.name}</Title>
                  <Text size="sm">
                    {t('mentoring.cohortDates', { start: formatDate(cohort.startsAt), end: formatDate(cohort.endsAt) })}
                    {cohort.applicationsCloseAt ? ` · ${t('mentoring.closes', { when: formatDateTime(cohort.applicationsCloseAt) })}` : ''}
                  </Text>
                  <ApplyForm cohortId={cohort.id} cohortName={cohort.name} onApplied={onApplied} />
                </Stack>
              ))}
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}
