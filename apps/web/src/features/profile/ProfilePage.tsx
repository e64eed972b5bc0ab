import { Alert, Button, Paper, Stack, Switch, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ProfilePageDocument, ProfileUpdateDocument, type ProfileFieldsFragment } from './profile.generated.js';
import { RequireAuth } from '../../shared/session/guards.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useApiErrors } from '../../shared/ui/forms/useApiErrors.js';
import { Page } from '../../shared/ui/Page.js';
import { ErrorState, LoadingState } from '../../shared/ui/states.js';

/** The API's limits on skills, repeated only to answer sooner; the API still decides. */
const MAX_SKILLS = 50;
const MAX_SKILL_LENGTH = 60;

/** Directory fields and the opt-in to be listed. */
export function ProfilePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('profile.title')}>
      <RequireAuth>
        <ProfileLoader />
      </RequireAuth>
    </Page>
  );
}

function ProfileLoader() {
  const [{ data, fetching, error }] = useQuery({ query: ProfilePageDocument });
  if (fetching && !data) return <LoadingState />;
  if (error && !data) return <ErrorState error={error} />;
  return data ? <ProfileForm profile={data.me} /> : null;
}

function formValues(profile: ProfileFieldsFragment) {
  return {
    fullName: profile.fullName,
    headline: profile.headline ?? '',
    employer: profile.employer ?? '',
    location: profile.location ?? '',
    skills: profile.skills,
    bio: profile.bio ?? '',
    directoryVisible: profile.directoryVisible,
  };
}

function ProfileForm({ profile }: { profile: ProfileFieldsFragment }) {
  const { t } = useTranslation();
  const [{ fetching }, update] = useMutation(ProfileUpdateDocument);
  const [saved, setSaved] = useState(false);
  const form = useForm({
    initialValues: formValues(profile),
    validate: {
      fullName: (value) => (value.trim() ? null : t('auth.fullNameRequired')),
      skills: (value) =>
        value.length > MAX_SKILLS ? t('profile.tooManySkills', { count: MAX_SKILLS })
          : value.some((skill) => skill.length > MAX_SKILL_LENGTH) ? t('profile.skillTooLong', { count: MAX_SKILL_LENGTH }) : null,
    },
  });
  const { alert, clearAlert, showError } = useApiErrors(form);

  const submit = form.onSubmit(async (values) => {
    clearAlert();
    setSaved(false);
    const input = {
      ...values,
      fullName: values.fullName.trim(),
      headline: values.headline.trim() || null,
      employer: values.employer.trim() || null,
      location: values.location.trim() || null,
      bio: values.bio.trim() || null,
    };
    const result = await update({ input });
    if (result.error || !result.data) return result.error ? showError(result.error) : undefined;
    // The API normalizes (e.g. skills in lower case): show what it kept.
    form.setValues(formValues(result.data.updateMyProfile));
    setSaved(true);
  });

  return (
    <Paper withBorder p="lg" maw={640} w="100%">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert message={alert} />
          {saved ? <Alert role="status" color="green" variant="light">{t('profile.saved')}</Alert> : null}
          <TextInput label={t('auth.fullName')} autoComplete="name" required {...form.getInputProps('fullName')} />
          <TextInput label={t('profile.headline')} description={t('profile.headlineHint')} {...form.getInputProps('headline')} />
          <TextInput label={t('profile.employer')} autoComplete="organization" {...form.getInputProps('employer')} />
          <TextInput label={t('profile.location')} description={t('profile.locationHint')} {...form.getInputProps('location')} />
          <TagsInput label={t('profile.skills')} description={t('profile.skillsHint')} maxTags={MAX_SKILLS} clearable {...form.getInputProps('skills')} />
          <Textarea label={t('profile.bio')} autosize minRows={3} maxRows={10} {...form.getInputProps('bio')} />
          <Switch
            label={t('profile.directoryVisible')}
            description={t('profile.directoryVisibleHint')}
            {...form.getInputProps('directoryVisible', { type: 'checkbox' })}
          />
          <Button type="submit" loading={fetching} w="fit-content">{t('profile.save')}</Button>
        </Stack>
      </form>
    </Paper>
  );
}
