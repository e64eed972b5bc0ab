import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { MentoringWithdrawApplicationDocument, MyMentoringApplicationsDocument, type MyMentoringApplicationsQuery } from './mentoring.generated.js';
import { formatDate } from '../../shared/formatting/format.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useActionError } from '../../shared/ui/forms/useActionError.js';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states.js';

type Application = MyMentoringApplicationsQuery['myMentoringApplications']['edges'][number]['node'];

const PAGE = 10;
/** Withdrawing is possible until pairs are published (the API says so too). */
const WITHDRAWABLE_COHORT = new Set(['DRAFT', 'APPLICATIONS_OPEN', 'MATCHING']);
const WITHDRAWABLE_STATUS = new Set(['SUBMITTED', 'APPROVED']);
const STATUS_COLOUR: Record<string, string> = { SUBMITTED: 'blue', APPROVED: 'green', DECLINED: 'red', WITHDRAWN: 'gray' };

/** My applications in every cohort, newest first, with their state and the way to withdraw one. `version` goes up when one is sent. */
export function MyApplications({ version }: { version: number }) {
  const { t } = useTranslation();
  const [first, setFirst] = useState(PAGE);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: MyMentoringApplicationsDocument, variables: { first } });
  // Asked again after an application is sent from the programs below.
  useEffect(() => {
    if (version > 0) reexecute({ requestPolicy: 'network-only' });
  }, [version, reexecute]);
  const list = data?.myMentoringApplications;
  return (
    <Stack component="section" aria-labelledby="my-applications">
      <Title order={2} id="my-applications">{t('mentoring.myApplications')}</Title>
      {fetching && !data ? <LoadingState /> : null}
      {error ? <ErrorState error={error} /> : null}
      {list && list.edges.length === 0 ? <EmptyState title={t('mentoring.noApplications')} /> : null}
      {list?.edges.map(({ node }) => (
        <ApplicationCard key={node.id} application={node} onChanged={() => reexecute({ requestPolicy: 'network-only' })} />
      ))}
      {list?.pageInfo.hasNextPage ? (
        <Button variant="subtle" maw={240} loading={fetching} onClick={() => setFirst((n) => Math.min(n + PAGE, 50))}>{t('mentoring.moreApplications')}</Button>
      ) : null}
    </Stack>
  );
}

function ApplicationCard({ application, onChanged }: { application: Application; onChanged: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [{ fetching }, withdraw] = useMutation(MentoringWithdrawApplicationDocument);
  const { alert, clearAlert, showError } = useActionError();
  const title = t('mentoring.applicationTitle', { role: t(`mentoring.roles.${application.role}`), cohort: application.cohort.name });
  const canWithdraw = WITHDRAWABLE_STATUS.has(application.status) && WITHDRAWABLE_COHORT.has(application.cohort.status);
  const onWithdraw = async () => {
    clearAlert();
    const result = await withdraw({ applicationId: application.id });
    if (result.error) return showError(result.error);
    setConfirming(false);
    onChanged();
  };
  return (
    <Card withBorder component="article" aria-label={title}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Text fw={600}>{title}</Text>
          <Badge color={STATUS_COLOUR[application.status] ?? 'gray'} variant="light">{t(`mentoring.applicationStatus.${application.status}`)}</Badge>
        </Group>
        <Text size="sm" c="dimmed">{t('mentoring.applicationMeta', { program: application.cohort.program.name, date: formatDate(application.createdAt) })}</Text>
        {application.reviewReason ? <Text size="sm">{t('mentoring.reviewReason', { reason: application.reviewReason })}</Text> : null}
        <FormAlert message={alert} />
        {canWithdraw && !confirming ? (
          <div>
            <Button size="xs" variant="subtle" color="red" onClick={() => setConfirming(true)}>{t('mentoring.withdraw', { title })}</Button>
          </div>
        ) : null}
        {canWithdraw && confirming ? (
          <Group gap="xs">
            <Text size="sm">{t('mentoring.withdrawSure')}</Text>
            <Button size="xs" color="red" loading={fetching} onClick={() => void onWithdraw()}>{t('mentoring.withdrawYes')}</Button>
            <Button size="xs" variant="default" disabled={fetching} onClick={() => setConfirming(false)}>{t('mentoring.withdrawNo')}</Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
