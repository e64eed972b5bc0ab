import { Button, Card, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { StudyGroupMeetingFeedbackDocument, StudyGroupPastMeetingsDocument } from './my-study-groups.generated.js';
import { formatEventTime } from '../../shared/formatting/format.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useApiErrors } from '../../shared/ui/forms/useApiErrors.js';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states.js';

const PAGE = 3;
const RATINGS = ['1', '2', '3', '4', '5'] as const;

/** The group's latest meetings that have taken place, newest first, each with my rating (one per meeting; again to change it). */
export function PastMeetingsSection({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const [first, setFirst] = useState(PAGE);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: StudyGroupPastMeetingsDocument, variables: { id: groupId, first } });
  const group = data?.studyGroup;
  const past = group?.pastMeetings;
  return (
    <Card withBorder component="section" aria-labelledby="group-past-meetings">
      <Stack>
        <Title order={2} size="h4" id="group-past-meetings">{t('studyGroups.pastMeetings')}</Title>
        {fetching && !data ? <LoadingState /> : null}
        {error ? <ErrorState error={error} /> : null}
        {past && past.edges.length === 0 ? <EmptyState title={t('studyGroups.noPastMeetings')} /> : null}
        {group && past
          ? past.edges.map(({ node }) => {
            const when = formatEventTime(node.startsAt, group.schedule.timezone).event;
            return (
              <Stack key={node.id} gap={4} component="article" aria-label={t('studyGroups.pastMeetingOn', { time: when })}>
                <Text fw={600}>{when}</Text>
                <FeedbackForm
                  key={`${node.id}-${node.myFeedback?.rating ?? 'none'}`}
                  meetingId={node.id}
                  initial={node.myFeedback ? { rating: String(node.myFeedback.rating), comment: node.myFeedback.comment ?? '' } : null}
                  onSaved={() => reexecute({ requestPolicy: 'network-only' })}
                />
              </Stack>
            );
          })
          : null}
        {past?.pageInfo.hasNextPage ? (
          <Button variant="subtle" maw={260} loading={fetching} onClick={() => setFirst((n) => Math.min(n + PAGE, 50))}>{t('studyGroups.earlierMeetings')}</Button>
        ) : null}
      </Stack>
    </Card>
  );
}

interface Values {
  rating: string;
  comment: string;
}

function FeedbackForm({ meetingId, initial, onSaved }: { meetingId: string; initial: Values | null; onSaved: () => void }) {
  const { t } = useTranslation();
  const [{ fetching }, submitFeedback] = useMutation(StudyGroupMeetingFeedbackDocument);
  const form = useForm<Values>({
    initialValues: initial ?? { rating: '', comment: '' },
    validate: { rating: (value) => (value ? null : t('studyGroups.ratingRequired')) },
  });
  const { alert, clearAlert, showError } = useApiErrors(form);
  const submit = form.onSubmit(async (values) => {
    clearAlert();
    const result = await submitFeedback({ meetingId, rating: Number(values.rating), comment: values.comment.trim() || null });
    if (result.error) return showError(result.error);
    onSaved();
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('studyGroups.feedbackForm')}>
      <Stack gap="xs">
        <FormAlert message={alert} />
        {initial ? <Text size="sm" role="status">{t('studyGroups.feedbackSaved', { rating: initial.rating })}</Text> : null}
        <Radio.Group label={t('studyGroups.rating')} required {...form.getInputProps('rating')}>
          <Group gap="sm" mt={4}>
            {RATINGS.map((value) => <Radio key={value} value={value} label={t(`studyGroups.ratings.${value}`)} />)}
          </Group>
        </Radio.Group>
        <Textarea label={t('studyGroups.feedbackComment')} autosize minRows={1} {...form.getInputProps('comment')} />
        <Button type="submit" variant="light" loading={fetching} maw={240}>{initial ? t('studyGroups.updateFeedback') : t('studyGroups.sendFeedback')}</Button>
      </Stack>
    </form>
  );
}
