import { Alert, Anchor, Badge, Button, Card, Group, List, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type CombinedError, useMutation, useQuery } from 'urql';
import { StaffMentoringCohortDocument, type StaffMentoringCohortFieldsFragment, StaffMentoringExcludePairDocument, StaffMentoringLockPairDocument, type StaffMentoringProposalFragment, StaffMentoringProposeDocument, StaffMentoringPublishDocument, StaffMentoringUnlockPairDocument } from './mentoring-console.generated.js';
import { formatNumber } from '../../../shared/formatting/format.js';
import { FormAlert } from '../../../shared/ui/forms/FormAlert.js';
import { useActionError } from '../../../shared/ui/forms/useActionError.js';
import { Page } from '../../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../../shared/ui/states.js';
import { CohortNav } from './CohortNav.js';
import { CohortStatusBadge } from './CohortStatusBadge.js';
import { MentoringStaffOnly } from './MentoringStaffOnly.js';
import { formatPoints, formatScore, pairKey } from './proposal-view.js';

type Proposal = StaffMentoringProposalFragment;
type ProposedPair = Proposal['pairs'][number];
type Applicant = ProposedPair['mentor'];
type Override = 'lock' | 'exclude' | 'unlock';

/**
 * The matching board: run the matcher, read each proposed pair's score and its breakdown and why
 * the others are unmatched, lock, exclude or unlock pairs (each answers with the new proposal), run
 * it again, and publish after a confirmation.
 */
export function MatchingBoardPage() {
  return (
    <MentoringStaffOnly>
      <MatchingBoard />
    </MentoringStaffOnly>
  );
}

function MatchingBoard() {
  const { t } = useTranslation();
  const { cohortId = '' } = useParams();
  const [cohort, refreshCohort] = useQuery({ query: StaffMentoringCohortDocument, variables: { id: cohortId }, requestPolicy: 'cache-and-network' });
  if (cohort.fetching && !cohort.data) return <Page title={t('staffMentoring.board.title')}><LoadingState /></Page>;
  if (cohort.error) return <Page title={t('staffMentoring.board.title')}><ErrorState error={cohort.error} /></Page>;
  const found = cohort.data?.cohort;
  if (!found) return <Page title={t('staffMentoring.board.title')}><EmptyState title={t('staffMentoring.cohort.notFound')} /></Page>;
  return (
    <Page title={t('staffMentoring.board.titleOf', { cohort: found.name })} actions={<CohortNav cohortId={found.id} cohortName={found.name} />}>
      <Board cohort={found} onPublished={() => refreshCohort({ requestPolicy: 'network-only' })} />
    </Page>
  );
}

function Board({ cohort, onPublished }: { cohort: StaffMentoringCohortFieldsFragment; onPublished: () => void }) {
  const { t } = useTranslation();
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [published, setPublished] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [running, propose] = useMutation(StaffMentoringProposeDocument);
  const [, lock] = useMutation(StaffMentoringLockPairDocument);
  const [, exclude] = useMutation(StaffMentoringExcludePairDocument);
  const [, unlock] = useMutation(StaffMentoringUnlockPairDocument);
  const [publishing, publish] = useMutation(StaffMentoringPublishDocument);
  const [busy, setBusy] = useState<string | null>(null);
  const { alert, clearAlert, showError } = useActionError();
  const proposable = cohort.status === 'APPLICATIONS_OPEN' || cohort.status === 'MATCHING';

  const run = async () => {
    clearAlert();
    const result = await propose({ cohortId: cohort.id });
    if (result.error) showError(result.error);
    else if (result.data) setProposal(result.data.proposeMatches);
  };
  const override = async (kind: Override, mentor: Applicant, mentee: Applicant) => {
    clearAlert();
    setBusy(`${kind}:${pairKey(mentor.id, mentee.id)}`);
    const variables = { cohortId: cohort.id, mentorApplicationId: mentor.id, menteeApplicationId: mentee.id };
    let outcome: { error?: CombinedError; proposal?: Proposal };
    if (kind === 'lock') {
      const result = await lock(variables);
      outcome = { error: result.error, proposal: result.data?.lockPair };
    } else if (kind === 'exclude') {
      const result = await exclude(variables);
      outcome = { error: result.error, proposal: result.data?.excludePair };
    } else {
      const result = await unlock(variables);
      outcome = { error: result.error, proposal: result.data?.unlockPair };
    }
    setBusy(null);
    if (outcome.error) showError(outcome.error);
    else if (outcome.proposal) setProposal(outcome.proposal);
  };
  const onPublish = async () => {
    clearAlert();
    const result = await publish({ cohortId: cohort.id });
    setConfirming(false);
    if (result.error) showError(result.error);
    else {
      setPublished(result.data?.publishMatches.length ?? 0);
      setProposal(null);
      onPublished();
    }
  };

  return (
    <Stack>
      <Group gap="xs">
        <Text size="sm">{t('staffMentoring.cohort.statusLabel')}</Text>
        <CohortStatusBadge status={cohort.status} />
      </Group>
      {published !== null ? (
        <Alert color="green" variant="light" role="status" title={t('staffMentoring.board.publishedTitle')}>
          <Text size="sm">{t('staffMentoring.board.published', { count: published })}</Text>
          <Anchor component={Link} to={`/staff/mentoring/cohorts/${cohort.id}/report`}>{t('staffMentoring.board.toReport')}</Anchor>
        </Alert>
      ) : null}
      {!proposable && published === null ? <Text size="sm" c="dimmed">{t('staffMentoring.board.notProposable')}</Text> : null}
      {cohort.status === 'APPLICATIONS_OPEN' ? <Text size="sm" c="dimmed">{t('staffMentoring.board.stillOpen')}</Text> : null}
      <FormAlert message={alert} />
      {proposable ? (
        <Group>
          <Button onClick={() => void run()} loading={running.fetching}>
            {proposal ? t('staffMentoring.board.rerun') : t('staffMentoring.board.run')}
          </Button>
          {proposal && cohort.status === 'MATCHING' ? (
            <Button color="green" variant="light" disabled={!proposal.pairs.length} onClick={() => setConfirming(true)}>
              {t('staffMentoring.board.publish')}
            </Button>
          ) : null}
        </Group>
      ) : null}
      {proposal ? <ProposalView proposal={proposal} busy={busy} onOverride={(kind, mentor, mentee) => void override(kind, mentor, mentee)} /> : null}
      <Modal opened={confirming} onClose={() => setConfirming(false)} closeButtonProps={{ 'aria-label': t('staffMentoring.closeDialog') }} title={t('staffMentoring.board.confirmTitle')}>
        <Stack gap="sm">
          <Text size="sm">{t('staffMentoring.board.confirmBody', { count: proposal?.pairs.length ?? 0, unmatched: proposal?.unmatched.length ?? 0 })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>{t('staffMentoring.cancel')}</Button>
            <Button loading={publishing.fetching} onClick={() => void onPublish()}>
              {t('staffMentoring.board.confirmPublish', { count: proposal?.pairs.length ?? 0 })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function ProposalView({ proposal, busy, onOverride }: { proposal: Proposal; busy: string | null; onOverride: (kind: Override, mentor: Applicant, mentee: Applicant) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Card withBorder component="section" aria-labelledby="proposal-summary">
        <Title order={2} size="h3" id="proposal-summary">{t('staffMentoring.board.summary')}</Title>
        <Text size="sm">
          {t('staffMentoring.board.summaryLine', { pairs: proposal.pairs.length, unmatched: proposal.unmatched.length, score: formatScore(proposal.totalScore) })}
        </Text>
        {proposal.notes.length ? (
          <List size="sm" mt="xs">
            {proposal.notes.map((note) => <List.Item key={note}>{note}</List.Item>)}
          </List>
        ) : null}
      </Card>

      <section aria-labelledby="proposal-pairs">
        <Title order={2} size="h3" id="proposal-pairs" mb="xs">{t('staffMentoring.board.pairs')}</Title>
        {proposal.pairs.length ? (
          <Table.ScrollContainer minWidth={880}>
            <Table withTableBorder verticalSpacing="sm">
              <Table.Caption>{t('staffMentoring.board.pairsCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('staffMentoring.board.mentor')}</Table.Th>
                  <Table.Th scope="col">{t('staffMentoring.board.mentee')}</Table.Th>
                  <Table.Th scope="col">{t('staffMentoring.board.score')}</Table.Th>
                  <Table.Th scope="col">{t('staffMentoring.board.breakdown')}</Table.Th>
                  <Table.Th scope="col">{t('staffMentoring.board.state')}</Table.Th>
                  <Table.Th scope="col">{t('staffMentoring.board.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {proposal.pairs.map((pair) => (
                  <PairRow key={pairKey(pair.mentor.id, pair.mentee.id)} pair={pair} busy={busy} onOverride={onOverride} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <EmptyState title={t('staffMentoring.board.noPairs')} />
        )}
      </section>

      <section aria-labelledby="proposal-unmatched">
        <Title order={2} size="h3" id="proposal-unmatched" mb="xs">{t('staffMentoring.board.unmatched')}</Title>
        {proposal.unmatched.length ? (
          <Table withTableBorder striped>
            <Table.Caption>{t('staffMentoring.board.unmatchedCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('staffMentoring.board.applicant')}</Table.Th>
                <Table.Th scope="col">{t('staffMentoring.board.role')}</Table.Th>
                <Table.Th scope="col">{t('staffMentoring.board.reasons')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {proposal.unmatched.map(({ application, reasons }) => (
                <Table.Tr key={application.id}>
                  <Table.Th scope="row">{application.user.fullName}</Table.Th>
                  <Table.Td>{t(`staffMentoring.role.${application.role}`)}</Table.Td>
                  <Table.Td>
                    <List size="sm">
                      {reasons.map((reason) => <List.Item key={reason}>{reason}</List.Item>)}
                    </List>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm">{t('staffMentoring.board.everyoneMatched')}</Text>
        )}
      </section>

      <section aria-labelledby="proposal-excluded">
        <Title order={2} size="h3" id="proposal-excluded" mb="xs">{t('staffMentoring.board.excluded')}</Title>
        {proposal.excludedPairs.length ? (
          <Table withTableBorder striped>
            <Table.Caption>{t('staffMentoring.board.excludedCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('staffMentoring.board.mentor')}</Table.Th>
                <Table.Th scope="col">{t('staffMentoring.board.mentee')}</Table.Th>
                <Table.Th scope="col">{t('staffMentoring.board.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {proposal.excludedPairs.map(({ mentor, mentee }) => {
                const names = { mentor: mentor.user.fullName, mentee: mentee.user.fullName };
                return (
                  <Table.Tr key={pairKey(mentor.id, mentee.id)}>
                    <Table.Td>{names.mentor}</Table.Td>
                    <Table.Td>{names.mentee}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="default" loading={busy === `unlock:${pairKey(mentor.id, mentee.id)}`} onClick={() => onOverride('unlock', mentor, mentee)} aria-label={t('staffMentoring.board.unlockWho', names)}>
                        {t('staffMentoring.board.unlock')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm">{t('staffMentoring.board.noneExcluded')}</Text>
        )}
      </section>
    </Stack>
  );
}

function PairRow({ pair, busy, onOverride }: { pair: ProposedPair; busy: string | null; onOverride: (kind: Override, mentor: Applicant, mentee: Applicant) => void }) {
  const { t } = useTranslation();
  const names = { mentor: pair.mentor.user.fullName, mentee: pair.mentee.user.fullName };
  const key = pairKey(pair.mentor.id, pair.mentee.id);
  const button = (kind: Override, variant: string, color?: string) => (
    <Button
      size="xs"
      variant={variant}
      color={color}
      loading={busy === `${kind}:${key}`}
      disabled={busy !== null && busy !== `${kind}:${key}`}
      onClick={() => onOverride(kind, pair.mentor, pair.mentee)}
      aria-label={t(`staffMentoring.board.${kind}Who`, names)}
    >
      {t(`staffMentoring.board.${kind}`)}
    </Button>
  );
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={600}>{names.mentor}</Text>
        {pair.mentor.capacity > 1 ? <Text size="xs" c="dimmed">{t('staffMentoring.board.takes', { count: pair.mentor.capacity })}</Text> : null}
      </Table.Td>
      <Table.Td><Text size="sm" fw={600}>{names.mentee}</Text></Table.Td>
      <Table.Td><Text fw={700}>{formatScore(pair.score)}</Text></Table.Td>
      <Table.Td>
        <List size="xs" spacing={2} listStyleType="none" aria-label={t('staffMentoring.board.breakdownOf', names)}>
          {pair.breakdown.map((part) => (
            <List.Item key={part.criterion}>
              <Text span size="xs" fw={600}>{t('staffMentoring.board.criterion', { criterion: part.criterion, points: formatPoints(part.points), weight: formatNumber(part.weight), value: formatPoints(part.value) })}</Text>
              {' '}
              <Text span size="xs">{part.explanation}</Text>
            </List.Item>
          ))}
        </List>
      </Table.Td>
      <Table.Td>
        {pair.locked ? <Badge color="blue" variant="light">{t('staffMentoring.board.locked')}</Badge> : <Badge color="gray" variant="light">{t('staffMentoring.board.proposed')}</Badge>}
        {pair.waivedRules.length ? (
          <List size="xs" mt={4}>
            {pair.waivedRules.map((rule) => <List.Item key={rule}>{t('staffMentoring.board.waived', { rule })}</List.Item>)}
          </List>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          {pair.locked ? button('unlock', 'default') : button('lock', 'light')}
          {button('exclude', 'light', 'red')}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
