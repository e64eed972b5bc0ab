import { Button, Card, Checkbox, Group, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type CombinedError, useMutation, useQuery } from 'urql';
import { StaffMentoringCloseApplicationsDocument, StaffMentoringCohortDocument, type StaffMentoringCohortFieldsFragment, StaffMentoringOpenApplicationsDocument, StaffMentoringUpdateMatchingDocument } from './mentoring-console.generated.js';
import { formatDate, formatDateTime } from '../../../shared/formatting/format.js';
import { FormAlert } from '../../../shared/ui/forms/FormAlert.js';
import { useActionError } from '../../../shared/ui/forms/useActionError.js';
import { useApiErrors } from '../../../shared/ui/forms/useApiErrors.js';
import { Page } from '../../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../../shared/ui/states.js';
import { CohortNav } from './CohortNav.js';
import { CohortStatusBadge } from './CohortStatusBadge.js';
import { MentoringStaffOnly } from './MentoringStaffOnly.js';

type CohortFields = StaffMentoringCohortFieldsFragment;
const WEIGHTS = ['topics', 'goals', 'experienceGap', 'timezone', 'format'] as const;

/** A cohort: its dates and status, opening and closing applications, and its matching settings. */
export function CohortPage() {
  return (
    <MentoringStaffOnly>
      <CohortView />
    </MentoringStaffOnly>
  );
}

function CohortView() {
  const { t } = useTranslation();
  const { cohortId = '' } = useParams();
  const [cohort] = useQuery({ query: StaffMentoringCohortDocument, variables: { id: cohortId }, requestPolicy: 'cache-and-network' });
  if (cohort.fetching && !cohort.data) return <Page title={t('staffMentoring.cohort.title')}><LoadingState /></Page>;
  if (cohort.error) return <Page title={t('staffMentoring.cohort.title')}><ErrorState error={cohort.error} /></Page>;
  const found = cohort.data?.cohort;
  if (!found) return <Page title={t('staffMentoring.cohort.title')}><EmptyState title={t('staffMentoring.cohort.notFound')} /></Page>;
  return (
    <Page title={found.name} actions={<CohortNav cohortId={found.id} cohortName={found.name} />}>
      <Overview cohort={found} />
      <MatchingSettingsForm key={found.id} cohort={found} />
    </Page>
  );
}

function Overview({ cohort }: { cohort: CohortFields }) {
  const { t } = useTranslation();
  const [opening, open] = useMutation(StaffMentoringOpenApplicationsDocument);
  const [closing, close] = useMutation(StaffMentoringCloseApplicationsDocument);
  const { alert, clearAlert, showError } = useActionError();
  const run = async (action: (variables: { cohortId: string }) => Promise<{ error?: CombinedError }>) => {
    clearAlert();
    const result = await action({ cohortId: cohort.id });
    if (result.error) showError(result.error);
  };
  const mayOpen = cohort.status === 'DRAFT' || cohort.status === 'MATCHING';
  return (
    <Card withBorder component="section" aria-labelledby="cohort-overview">
      <Stack gap="sm">
        <Title order={2} size="h3" id="cohort-overview">{t('staffMentoring.cohort.overview')}</Title>
        <FormAlert message={alert} />
        <Group gap="xs">
          <Text>{t('staffMentoring.cohort.inProgram', { program: cohort.program.name })}</Text>
          <CohortStatusBadge status={cohort.status} />
        </Group>
        <Text size="sm">
          {t('staffMentoring.cohort.dates', { start: formatDate(cohort.startsAt), end: formatDate(cohort.endsAt) })}
        </Text>
        <Text size="sm">
          {cohort.applicationsCloseAt
            ? t('staffMentoring.cohort.closesAt', { when: formatDateTime(cohort.applicationsCloseAt) })
            : t('staffMentoring.cohort.noCloseDate')}
        </Text>
        {cohort.publishedAt ? <Text size="sm">{t('staffMentoring.cohort.publishedAt', { when: formatDateTime(cohort.publishedAt) })}</Text> : null}
        <Text size="sm" c="dimmed">{t(`staffMentoring.cohortStatusHint.${cohort.status}`)}</Text>
        <Group>
          {mayOpen ? (
            <Button onClick={() => void run(open)} loading={opening.fetching}>{t('staffMentoring.cohort.open')}</Button>
          ) : null}
          {cohort.status === 'APPLICATIONS_OPEN' ? (
            <Button onClick={() => void run(close)} loading={closing.fetching} variant="light">{t('staffMentoring.cohort.close')}</Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}

function MatchingSettingsForm({ cohort }: { cohort: CohortFields }) {
  const { t } = useTranslation();
  const [saving, save] = useMutation(StaffMentoringUpdateMatchingDocument);
  const editable = cohort.status !== 'ACTIVE' && cohort.status !== 'COMPLETED';
  const form = useForm({
    initialValues: {
      matchingWeights: { ...cohort.matchingWeights } as Record<(typeof WEIGHTS)[number], number | string>,
      matchingSettings: { ...cohort.matchingSettings } as { forbidSameEmployer: boolean; minExperienceGapYears: number | string; allowRepeatPairs: boolean },
    },
  });
  const { alert, clearAlert, showError } = useApiErrors(form);
  const [saved, setSaved] = useState(false);
  const onSubmit = form.onSubmit(async (values) => {
    clearAlert();
    setSaved(false);
    const weights = Object.fromEntries(WEIGHTS.map((w) => [w, Number(values.matchingWeights[w])])) as Record<(typeof WEIGHTS)[number], number>;
    const result = await save({
      cohortId: cohort.id,
      input: {
        matchingWeights: weights,
        matchingSettings: {
          forbidSameEmployer: values.matchingSettings.forbidSameEmployer,
          minExperienceGapYears: Number(values.matchingSettings.minExperienceGapYears),
          allowRepeatPairs: values.matchingSettings.allowRepeatPairs,
        },
      },
    });
    if (result.error) showError(result.error);
    else setSaved(true);
  });
  return (
    <Card withBorder component="section" aria-labelledby="cohort-matching">
      <form onSubmit={onSubmit} noValidate aria-labelledby="cohort-matching">
        <Stack gap="sm">
          <Title order={2} size="h3" id="cohort-matching">{t('staffMentoring.settings.title')}</Title>
          <Text size="sm" c="dimmed">{editable ? t('staffMentoring.settings.hint') : t('staffMentoring.settings.locked')}</Text>
          <FormAlert message={alert} />
          <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Text fw={600} component="legend" mb="xs">{t('staffMentoring.settings.weights')}</Text>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
                {WEIGHTS.map((weight) => (
                  <NumberInput
                    key={weight}
                    label={t(`staffMentoring.settings.weight.${weight}`)}
                    min={0}
                    max={10}
                    allowDecimal={false}
                    {...form.getInputProps(`matchingWeights.${weight}`)}
                  />
                ))}
              </SimpleGrid>
              <Checkbox label={t('staffMentoring.settings.forbidSameEmployer')} {...form.getInputProps('matchingSettings.forbidSameEmployer', { type: 'checkbox' })} />
              <NumberInput
                label={t('staffMentoring.settings.minExperienceGapYears')}
                min={0}
                max={50}
                allowDecimal={false}
                maw={260}
                {...form.getInputProps('matchingSettings.minExperienceGapYears')}
              />
              <Checkbox label={t('staffMentoring.settings.allowRepeatPairs')} {...form.getInputProps('matchingSettings.allowRepeatPairs', { type: 'checkbox' })} />
            </Stack>
          </fieldset>
          <Group>
            <Button type="submit" disabled={!editable} loading={saving.fetching}>{t('staffMentoring.settings.save')}</Button>
            {saved ? <Text size="sm" role="status">{t('staffMentoring.settings.saved')}</Text> : null}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
