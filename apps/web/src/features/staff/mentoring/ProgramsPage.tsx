import { Anchor, Button, Card, Checkbox, Group, NumberInput, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { StaffMentoringCreateCohortDocument, StaffMentoringCreateProgramDocument, StaffMentoringProgramsDocument, type StaffMentoringProgramsQuery } from './mentoring-console.generated.js';
import { formatDate } from '../../../shared/formatting/format.js';
import { FormAlert } from '../../../shared/ui/forms/FormAlert.js';
import { useApiErrors } from '../../../shared/ui/forms/useApiErrors.js';
import { Page } from '../../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../../shared/ui/states.js';
import { dayEnd, dayStart } from './cohort-dates.js';
import { CohortStatusBadge } from './CohortStatusBadge.js';
import { MentoringStaffOnly } from './MentoringStaffOnly.js';

type Program = StaffMentoringProgramsQuery['mentoringPrograms'][number];

/** Every program with its cohorts; a new program; a new cohort in a program. */
export function ProgramsPage() {
  return (
    <MentoringStaffOnly>
      <Programs />
    </MentoringStaffOnly>
  );
}

function Programs() {
  const { t } = useTranslation();
  const [programs, refresh] = useQuery({ query: StaffMentoringProgramsDocument, requestPolicy: 'cache-and-network' });
  const reload = () => refresh({ requestPolicy: 'network-only' });

  let body;
  if (programs.fetching && !programs.data) body = <LoadingState />;
  else if (programs.error) body = <ErrorState error={programs.error} />;
  else if (!programs.data?.mentoringPrograms.length) body = <EmptyState title={t('staffMentoring.programs.empty')} />;
  else body = <Stack>{programs.data.mentoringPrograms.map((program) => <ProgramCard key={program.id} program={program} onChanged={reload} />)}</Stack>;

  return (
    <Page title={t('staffMentoring.title')}>
      {body}
      <NewProgramForm onCreated={reload} />
    </Page>
  );
}

function ProgramCard({ program, onChanged }: { program: Program; onChanged: () => void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder component="article" aria-label={program.name}>
      <Stack gap="sm">
        <div>
          <Title order={2} size="h3">{program.name}</Title>
          {program.description ? <Text size="sm">{program.description}</Text> : null}
          <Text size="sm" c="dimmed">
            {t('staffMentoring.programs.credits', { credits: program.ceCreditsPerHour })}
            {program.membersOnly ? ` · ${t('staffMentoring.programs.membersOnly')}` : ''}
          </Text>
        </div>
        {program.cohorts.length ? (
          <Table.ScrollContainer minWidth={560}>
            <Table striped withTableBorder>
              <Table.Caption>{t('staffMentoring.programs.cohortsOf', { program: program.name })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('staffMentoring.cohort.name')}</Table.Th>
                  <Table.Th scope="col">{t('staffMentoring.cohort.status')}</Table.Th>
                  <Table.Th scope="col">{t('staffMentoring.cohort.startsAt')}</Table.Th>
                  <Table.Th scope="col">{t('staffMentoring.cohort.endsAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {program.cohorts.map((cohort) => (
                  <Table.Tr key={cohort.id}>
                    <Table.Th scope="row">
                      <Anchor component={Link} to={`/staff/mentoring/cohorts/${cohort.id}`}>{cohort.name}</Anchor>
                    </Table.Th>
                    <Table.Td><CohortStatusBadge status={cohort.status} /></Table.Td>
                    <Table.Td>{formatDate(cohort.startsAt)}</Table.Td>
                    <Table.Td>{formatDate(cohort.endsAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Text size="sm" c="dimmed">{t('staffMentoring.programs.noCohorts')}</Text>
        )}
        <NewCohortForm program={program} onCreated={onChanged} />
      </Stack>
    </Card>
  );
}

function NewProgramForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const [created, create] = useMutation(StaffMentoringCreateProgramDocument);
  const form = useForm({
    initialValues: { name: '', description: '', membersOnly: true, ceCreditsPerHour: 1 as number | string },
    validate: { name: (value) => (value.trim() ? null : t('staffMentoring.programs.nameRequired')) },
  });
  const { alert, clearAlert, showError } = useApiErrors(form);
  const onSubmit = form.onSubmit(async (values) => {
    clearAlert();
    const result = await create({
      input: { name: values.name.trim(), description: values.description.trim() || null, membersOnly: values.membersOnly, ceCreditsPerHour: Number(values.ceCreditsPerHour) },
    });
    if (result.error) showError(result.error);
    else {
      form.reset();
      onCreated();
    }
  });
  return (
    <Card withBorder component="section" aria-labelledby="new-program-title">
      <form onSubmit={onSubmit} noValidate aria-labelledby="new-program-title">
        <Stack gap="sm">
          <Title order={2} size="h3" id="new-program-title">{t('staffMentoring.programs.new')}</Title>
          <FormAlert message={alert} />
          <TextInput label={t('staffMentoring.programs.name')} required {...form.getInputProps('name')} />
          <Textarea label={t('staffMentoring.programs.description')} autosize minRows={2} {...form.getInputProps('description')} />
          <Group align="flex-end" wrap="wrap">
            <NumberInput
              label={t('staffMentoring.programs.creditsPerHour')}
              min={0}
              max={10}
              step={0.25}
              decimalScale={2}
              {...form.getInputProps('ceCreditsPerHour')}
            />
            <Checkbox label={t('staffMentoring.programs.membersOnlyLabel')} {...form.getInputProps('membersOnly', { type: 'checkbox' })} />
          </Group>
          <Group>
            <Button type="submit" loading={created.fetching}>{t('staffMentoring.programs.create')}</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function NewCohortForm({ program, onCreated }: { program: Program; onCreated: () => void }) {
  const { t } = useTranslation();
  const [created, create] = useMutation(StaffMentoringCreateCohortDocument);
  const dayRequired = (value: string) => (dayStart(value) ? null : t('staffMentoring.cohort.dayRequired'));
  const form = useForm({
    initialValues: { name: '', applicationsCloseAt: '', startsAt: '', endsAt: '' },
    validate: {
      name: (value) => (value.trim() ? null : t('staffMentoring.cohort.nameRequired')),
      applicationsCloseAt: (value) => (!value || dayStart(value) ? null : t('staffMentoring.cohort.dayRequired')),
      startsAt: dayRequired,
      endsAt: dayRequired,
    },
  });
  const { alert, clearAlert, showError } = useApiErrors(form);
  const onSubmit = form.onSubmit(async (values) => {
    clearAlert();
    const result = await create({
      input: {
        programId: program.id,
        name: values.name.trim(),
        applicationsCloseAt: values.applicationsCloseAt ? dayEnd(values.applicationsCloseAt) : null,
        // Both days passed validation: the fallbacks never apply.
        startsAt: dayStart(values.startsAt) ?? values.startsAt,
        endsAt: dayEnd(values.endsAt) ?? values.endsAt,
      },
    });
    if (result.error) showError(result.error);
    else {
      form.reset();
      onCreated();
    }
  });
  const title = t('staffMentoring.cohort.newIn', { program: program.name });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={title}>
      <Stack gap="xs">
        <Text fw={600}>{title}</Text>
        <FormAlert message={alert} />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <TextInput label={t('staffMentoring.cohort.name')} required {...form.getInputProps('name')} />
          <TextInput type="date" label={t('staffMentoring.cohort.applicationsCloseAt')} {...form.getInputProps('applicationsCloseAt')} />
          <TextInput type="date" label={t('staffMentoring.cohort.startsAt')} required {...form.getInputProps('startsAt')} />
          <TextInput type="date" label={t('staffMentoring.cohort.endsAt')} required {...form.getInputProps('endsAt')} />
        </SimpleGrid>
        <Text size="xs" c="dimmed">{t('staffMentoring.cohort.newHint')}</Text>
        <Group>
          <Button type="submit" variant="light" loading={created.fetching} aria-label={t('staffMentoring.cohort.createIn', { program: program.name })}>
            {t('staffMentoring.cohort.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
