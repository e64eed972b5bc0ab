import { Tabs, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { CommunityPreviewDocument } from './discussions.generated.js';
import { ErrorState, LoadingState } from '../../shared/ui/states.js';
import { PostHtml } from './PostHtml.js';

/**
 * A Markdown body with a preview tab. The preview is the API's own rendering (`previewMarkdown`,
 * the renderer and sanitizer a saved post goes through), asked for only while the tab is open.
 */
export function MarkdownField({ label, value, onChange, error, id }: { label: string; value: string; onChange: (value: string) => void; error?: string | null; id: string }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('write');
  return (
    <Tabs value={tab} onChange={setTab} keepMounted={false}>
      <Tabs.List aria-label={t('community.composer.tabs', { label })}>
        <Tabs.Tab value="write" id={`${id}-write`}>{t('community.composer.write')}</Tabs.Tab>
        <Tabs.Tab value="preview" id={`${id}-preview`}>{t('community.composer.preview')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="write" pt="xs">
        <Textarea
          id={id}
          label={label}
          description={t('community.composer.hint')}
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
          error={error ?? undefined}
          autosize
          minRows={4}
          maxRows={16}
        />
      </Tabs.Panel>
      <Tabs.Panel value="preview" pt="xs">
        <Preview body={value} />
      </Tabs.Panel>
    </Tabs>
  );
}

function Preview({ body }: { body: string }) {
  const { t } = useTranslation();
  const empty = body.trim() === '';
  const [{ data, fetching, error }] = useQuery({ query: CommunityPreviewDocument, variables: { body }, pause: empty, requestPolicy: 'network-only' });
  if (empty) return <Text c="dimmed" size="sm">{t('community.composer.nothingToPreview')}</Text>;
  if (fetching && !data) return <LoadingState />;
  if (error) return <ErrorState error={error} />;
  return (
    <section aria-label={t('community.composer.previewRegion')}>
      <PostHtml html={data?.previewMarkdown ?? ''} />
    </section>
  );
}
