import { Card, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { StaffMentoringReportDocument, type StaffMentoringReportQuery } from './mentoring-console.generated.js';
import { formatDate, formatDateTime, formatNumber } from '../../../shared/formatting/format.js';
import { Page } from '../../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../../shared/ui/states.js';
import { CohortNav } from './CohortNav.js';
import { MentoringStaffOnly } from './MentoringStaffOnly.js';

type Report = NonNullable<StaffMentoringReportQuery['cohort']>['report'];

/** How a cohort is doing: pairs by status, check-ins and ratings per pair, at-risk and flagged pairs, unmatched mentees. */
export function CohortReportPage() {
  return (
    <MentoringStaffOnly>
      <CohortReport />
    </MentoringStaffOnly>
  );
}

function CohortReport() {
  const { t } = useTranslation();
  const { cohortId = '' } = useParams();
  const [report] = useQuery({ query: StaffMentoringReportDocument, variables: { id: cohortId }, requestPolicy: 'cache-and-network' });
  if (report.fetching && !report.data) return <Page title={t('staffMentoring.report.title')}><LoadingState /></Page>;
  if (report.error) return <Page title={t('staffMentoring.report.title')}><ErrorState error={report.error} /></Page>;
  const cohort = report.data?.cohort;
  if (!cohort) return <Page title={t('staffMentoring.report.title')}><EmptyState title={t('staffMentoring.cohort.notFound')} /></Page>;
  return (
    <Page title={t('staffMentoring.report.titleOf', { cohort: cohort.name })} actions={<CohortNav cohortId={cohort.id} cohortName={cohort.name} />}>
      <ReportBody report={cohort.report} />
    </Page>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">{title}</Title>
      {children}
    </section>
  );
}

function ReportBody({ report }: { report: Report }) {
  const { t } = useTranslation();
  const totalPairs = report.pairsByStatus.reduce((sum, row) => sum + row.count, 0);
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Figure label={t('staffMentoring.report.pairs')} value={formatNumber(totalPairs)} />
        <Figure
          label={t('staffMentoring.report.averageRating')}
          value={report.averageRating === null || report.averageRating === undefined ? t('staffMentoring.report.noRating') : t('staffMentoring.report.rating', { rating: formatNumber(report.averageRating) })}
          note={t('staffMentoring.report.ratings', { count: report.feedbackCount })}
        />
        <Figure label={t('staffMentoring.report.goals')} value={t('staffMentoring.report.goalsDone', { done: report.goalsCompleted, total: report.goalsTotal })} />
      </SimpleGrid>

      <Section id="report-by-status" title={t('staffMentoring.report.byStatus')}>
        <Table withTableBorder maw={420}>
          <Table.Caption>{t('staffMentoring.report.byStatusCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('staffMentoring.report.status')}</Table.Th>
              <Table.Th scope="col">{t('staffMentoring.report.pairs')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.pairsByStatus.map((row) => (
              <Table.Tr key={row.status}>
                <Table.Th scope="row">{t(`staffMentoring.pairStatus.${row.status}`)}</Table.Th>
                <Table.Td>{formatNumber(row.count)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>

      <Section id="report-per-pair" title={t('staffMentoring.report.perPair')}>
        {report.checkInsPerPair.length ? (
          <Table withTableBorder striped>
            <Table.Caption>{t('staffMentoring.report.perPairCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('staffMentoring.report.pair')}</Table.Th>
                <Table.Th scope="col">{t('staffMentoring.report.status')}</Table.Th>
                <Table.Th scope="col">{t('staffMentoring.report.checkIns')}</Table.Th>
                <Table.Th scope="col">{t('staffMentoring.report.confirmed')}</Table.Th>
                <Table.Th scope="col">{t('staffMentoring.report.minutes')}</Table.Th>
                <Table.Th scope="col">{t('staffMentoring.report.lastCheckIn')}</Table.Th>
                <Table.Th scope="col">{t('staffMentoring.report.pairRating')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.checkInsPerPair.map((row) => (
                <Table.Tr key={row.pair.id}>
                  <Table.Th scope="row">{t('staffMentoring.report.pairNames', { mentor: row.pair.mentor.fullName, mentee: row.pair.mentee.fullName })}</Table.Th>
                  <Table.Td>{t(`staffMentoring.pairStatus.${row.pair.status}`)}</Table.Td>
                  <Table.Td>{formatNumber(row.checkIns)}</Table.Td>
                  <Table.Td>{formatNumber(row.confirmedCheckIns)}</Table.Td>
                  <Table.Td>{formatNumber(row.confirmedMinutes)}</Table.Td>
                  <Table.Td>{row.pair.lastCheckInAt ? formatDate(row.pair.lastCheckInAt) : t('staffMentoring.report.never')}</Table.Td>
                  <Table.Td>
                    {row.averageRating === null || row.averageRating === undefined
                      ? t('staffMentoring.report.noRating')
                      : t('staffMentoring.report.pairRatingValue', { rating: formatNumber(row.averageRating), count: row.ratings })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm">{t('staffMentoring.report.noPairs')}</Text>
        )}
      </Section>

      <Section id="report-at-risk" title={t('staffMentoring.report.atRisk')}>
        {report.atRiskPairs.length ? (
          <List size="sm">
            {report.atRiskPairs.map((pair) => (
              <List.Item key={pair.id}>{t('staffMentoring.report.pairNames', { mentor: pair.mentor.fullName, mentee: pair.mentee.fullName })}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">{t('staffMentoring.report.noneAtRisk')}</Text>
        )}
      </Section>

      <Section id="report-flagged" title={t('staffMentoring.report.flagged')}>
        {report.flaggedPairs.length ? (
          <Table withTableBorder striped>
            <Table.Caption>{t('staffMentoring.report.flaggedCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('staffMentoring.report.pair')}</Table.Th>
                <Table.Th scope="col">{t('staffMentoring.report.flaggedBy')}</Table.Th>
                <Table.Th scope="col">{t('staffMentoring.report.pairRating')}</Table.Th>
                <Table.Th scope="col">{t('staffMentoring.report.comment')}</Table.Th>
                <Table.Th scope="col">{t('staffMentoring.report.when')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.flaggedPairs.map((flag) => (
                <Table.Tr key={`${flag.pair.id}:${flag.flaggedBy.id}`}>
                  <Table.Th scope="row">{t('staffMentoring.report.pairNames', { mentor: flag.pair.mentor.fullName, mentee: flag.pair.mentee.fullName })}</Table.Th>
                  <Table.Td>{flag.flaggedBy.fullName}</Table.Td>
                  <Table.Td>{formatNumber(flag.rating)}</Table.Td>
                  <Table.Td>{flag.comment ?? ''}</Table.Td>
                  <Table.Td>{formatDateTime(flag.submittedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm">{t('staffMentoring.report.noneFlagged')}</Text>
        )}
      </Section>

      <Section id="report-unmatched" title={t('staffMentoring.report.unmatched')}>
        {report.unmatchedMentees.length ? (
          <List size="sm">
            {report.unmatchedMentees.map((application) => <List.Item key={application.id}>{application.user.fullName}</List.Item>)}
          </List>
        ) : (
          <Text size="sm">{t('staffMentoring.report.noneUnmatched')}</Text>
        )}
      </Section>
    </Stack>
  );
}

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Card withBorder>
      <Text size="sm" c="dimmed">{label}</Text>
      <Text fw={700} size="xl">{value}</Text>
      {note ? <Text size="xs">{note}</Text> : null}
    </Card>
  );
}
