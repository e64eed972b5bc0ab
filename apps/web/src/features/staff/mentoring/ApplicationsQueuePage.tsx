import { Badge, Button, Group, Modal, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { type ApplicationStatus, type MentoringRole, StaffMentoringApplicationsDocument, type StaffMentoringApplicationsQuery, StaffMentoringReviewApplicationDocument } from './mentoring-console.generated.js';
import { formatDate, formatNumber } from '../../../shared/formatting/format.js';
import { FormAlert } from '../../../shared/ui/forms/FormAlert.js';
import { useActionError } from '../../../shared/ui/forms/useActionError.js';
import { useApiErrors } from '../../../shared/ui/forms/useApiErrors.js';
import { Page } from '../../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../../shared/ui/states.js';
import { KeysetPager } from '../KeysetPager.js';
import { CohortNav } from './CohortNav.js';
import { MentoringStaffOnly } from './MentoringStaffOnly.js';

const PAGE_SIZE = 20;
const ANY = 'ANY';
const ROLES: MentoringRole[] = ['MENTOR', 'MENTEE'];
const STATUSES: ApplicationStatus[] = ['SUBMITTED', 'APPROVED', 'DECLINED', 'WITHDRAWN'];
type Application = NonNullable<StaffMentoringApplicationsQuery['cohort']>['applications']['edges'][number]['node'];

const STATUS_COLOURS: Record<ApplicationStatus, string> = { SUBMITTED: 'blue', APPROVED: 'green', DECLINED: 'red', WITHDRAWN: 'gray' };

/** A cohort's applications, 20 a page, filtered by role and status (kept in the address); accept or decline with a reason. */
export function ApplicationsQueuePage() {
  return (
    <MentoringStaffOnly>
      <ApplicationsQueue />
    </MentoringStaffOnly>
  );
}

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

function ApplicationsQueue() {
  const { t } = useTranslation();
  const { cohortId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const role = pick(params.get('role'), ROLES);
  const status = pick(params.get('status'), STATUSES);
  const after = params.get('after') ?? undefined;
  const [queue, refresh] = useQuery({
    query: StaffMentoringApplicationsDocument,
    variables: { cohortId, first: PAGE_SIZE, after, role, status },
    requestPolicy: 'cache-and-network',
  });
  const reload = () => refresh({ requestPolicy: 'network-only' });
  const setFilter = (name: 'role' | 'status', value: string | null) => {
    const next = new URLSearchParams(params);
    if (value && value !== ANY) next.set(name, value);
    else next.delete(name);
    next.delete('after');
    setParams(next);
  };
  const goTo = (cursor: string | undefined) => {
    const next = new URLSearchParams(params);
    if (cursor) next.set('after', cursor);
    else next.delete('after');
    setParams(next);
  };

  const cohort = queue.data?.cohort;
  const title = cohort ? t('staffMentoring.applications.titleOf', { cohort: cohort.name }) : t('staffMentoring.applications.title');
  let body;
  if (queue.fetching && !queue.data) body = <LoadingState />;
  else if (queue.error) body = <ErrorState error={queue.error} />;
  else if (!cohort) body = <EmptyState title={t('staffMentoring.cohort.notFound')} />;
  else {
    const connection = cohort.applications;
    body = (
      <Stack>
        <Text size="sm" role="status">{t('staffMentoring.applications.count', { count: connection.totalCount })}</Text>
        {connection.edges.length ? (
          <ApplicationsTable applications={connection.edges.map((e) => e.node)} onReviewed={reload} />
        ) : (
          <EmptyState title={t('staffMentoring.applications.empty')} />
        )}
        <KeysetPager key={`${role ?? ''}|${status ?? ''}`} after={after} endCursor={connection.pageInfo.endCursor ?? null} hasNextPage={connection.pageInfo.hasNextPage} onGo={goTo} />
      </Stack>
    );
  }

  return (
    <Page title={title} actions={cohort ? <CohortNav cohortId={cohort.id} cohortName={cohort.name} /> : undefined}>
      <Group role="search" aria-label={t('staffMentoring.applications.filters')} align="flex-end" wrap="wrap">
        <Select
          label={t('staffMentoring.applications.role')}
          data={[{ value: ANY, label: t('staffMentoring.applications.anyRole') }, ...ROLES.map((r) => ({ value: r, label: t(`staffMentoring.role.${r}`) }))]}
          value={role ?? ANY}
          onChange={(value) => setFilter('role', value)}
          allowDeselect={false}
        />
        <Select
          label={t('staffMentoring.applications.status')}
          data={[{ value: ANY, label: t('staffMentoring.applications.anyStatus') }, ...STATUSES.map((s) => ({ value: s, label: t(`staffMentoring.applicationStatus.${s}`) }))]}
          value={status ?? ANY}
          onChange={(value) => setFilter('status', value)}
          allowDeselect={false}
        />
      </Group>
      {body}
    </Page>
  );
}

function ApplicationsTable({ applications, onReviewed }: { applications: Application[]; onReviewed: () => void }) {
  const { t } = useTranslation();
  const [declining, setDeclining] = useState<Application | null>(null);
  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table striped withTableBorder verticalSpacing="xs">
          <Table.Caption>{t('staffMentoring.applications.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('staffMentoring.applications.applicant')}</Table.Th>
              <Table.Th scope="col">{t('staffMentoring.applications.role')}</Table.Th>
              <Table.Th scope="col">{t('staffMentoring.applications.topics')}</Table.Th>
              <Table.Th scope="col">{t('staffMentoring.applications.experience')}</Table.Th>
              <Table.Th scope="col">{t('staffMentoring.applications.timezone')}</Table.Th>
              <Table.Th scope="col">{t('staffMentoring.applications.format')}</Table.Th>
              <Table.Th scope="col">{t('staffMentoring.applications.capacity')}</Table.Th>
              <Table.Th scope="col">{t('staffMentoring.applications.status')}</Table.Th>
              <Table.Th scope="col">{t('staffMentoring.applications.applied')}</Table.Th>
              <Table.Th scope="col">{t('staffMentoring.applications.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {applications.map((application) => (
              <ApplicationRow key={application.id} application={application} onReviewed={onReviewed} onDecline={() => setDeclining(application)} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <DeclineDialog application={declining} onClose={() => setDeclining(null)} onDeclined={onReviewed} />
    </>
  );
}

function ApplicationRow({ application, onReviewed, onDecline }: { application: Application; onReviewed: () => void; onDecline: () => void }) {
  const { t } = useTranslation();
  const [accepting, review] = useMutation(StaffMentoringReviewApplicationDocument);
  const { alert, clearAlert, showError } = useActionError();
  const name = application.user.fullName;
  const role = t(`staffMentoring.role.${application.role}`);
  const onAccept = async () => {
    clearAlert();
    const result = await review({ applicationId: application.id, approve: true });
    if (result.error) showError(result.error);
    else onReviewed();
  };
  const decided = application.status === 'WITHDRAWN';
  return (
    <Table.Tr>
      <Table.Th scope="row">
        <Text fw={600} size="sm">{name}</Text>
        {application.goals ? <Text size="xs" c="dimmed" lineClamp={2}>{application.goals}</Text> : null}
      </Table.Th>
      <Table.Td>{role}</Table.Td>
      <Table.Td>{application.topics.join(', ')}</Table.Td>
      <Table.Td>{t('staffMentoring.applications.years', { count: application.yearsOfExperience })}</Table.Td>
      <Table.Td>{application.timezone}</Table.Td>
      <Table.Td>{t(`staffMentoring.format.${application.preferredFormat}`)}</Table.Td>
      <Table.Td>{formatNumber(application.capacity)}</Table.Td>
      <Table.Td>
        <Badge color={STATUS_COLOURS[application.status]} variant="light">{t(`staffMentoring.applicationStatus.${application.status}`)}</Badge>
        {application.reviewReason ? <Text size="xs">{application.reviewReason}</Text> : null}
      </Table.Td>
      <Table.Td>{formatDate(application.createdAt)}</Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <FormAlert message={alert} />
          {decided ? null : (
            <Group gap="xs" wrap="nowrap">
              {application.status !== 'APPROVED' ? (
                <Button size="xs" onClick={() => void onAccept()} loading={accepting.fetching} aria-label={t('staffMentoring.applications.acceptWho', { name, role })}>
                  {t('staffMentoring.applications.accept')}
                </Button>
              ) : null}
              {application.status !== 'DECLINED' ? (
                <Button size="xs" variant="light" color="red" onClick={onDecline} aria-label={t('staffMentoring.applications.declineWho', { name, role })}>
                  {t('staffMentoring.applications.decline')}
                </Button>
              ) : null}
            </Group>
          )}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

function DeclineDialog({ application, onClose, onDeclined }: { application: Application | null; onClose: () => void; onDeclined: () => void }) {
  const { t } = useTranslation();
  const [declining, review] = useMutation(StaffMentoringReviewApplicationDocument);
  const form = useForm({
    initialValues: { reason: '' },
    validate: { reason: (value) => (value.trim() ? null : t('staffMentoring.applications.reasonRequired')) },
  });
  const { alert, clearAlert, showError } = useApiErrors(form, { prefix: '' });
  const close = () => {
    form.reset();
    clearAlert();
    onClose();
  };
  const onSubmit = form.onSubmit(async ({ reason }) => {
    if (!application) return;
    clearAlert();
    const result = await review({ applicationId: application.id, approve: false, reason: reason.trim() });
    if (result.error) showError(result.error);
    else {
      close();
      onDeclined();
    }
  });
  const name = application?.user.fullName ?? '';
  const role = application ? t(`staffMentoring.role.${application.role}`) : '';
  return (
    <Modal opened={application !== null} onClose={close} closeButtonProps={{ 'aria-label': t('staffMentoring.closeDialog') }} title={t('staffMentoring.applications.declineTitle', { name, role })}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <FormAlert message={alert} />
          <Textarea label={t('staffMentoring.applications.reason')} description={t('staffMentoring.applications.reasonHint')} autosize minRows={2} data-autofocus {...form.getInputProps('reason')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{t('staffMentoring.cancel')}</Button>
            <Button type="submit" color="red" loading={declining.fetching}>{t('staffMentoring.applications.confirmDecline')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
