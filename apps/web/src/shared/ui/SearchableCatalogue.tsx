import { Button, Group, Stack, TextInput } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from './Page.js';

/** What a catalogue renders for one page of results: `onMore` asks for the next page after `cursor`. */
export interface CatalogueChunkProps {
  search: string;
  after: string | null;
  isLast: boolean;
  onMore: (cursor: string) => void;
}

/**
 * A search kept in the address (`?q=`) and its results in pages appended by "show more". Each page is one
 * `Chunk` (its own query), so earlier pages stay as they were loaded. A new search starts from the first page.
 */
export function SearchedPages({ searchLabel, Chunk, maw = 480, gap = 'md' }: { searchLabel: string; Chunk: (props: CatalogueChunkProps) => ReactNode; maw?: number; gap?: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const [draft, setDraft] = useState(search);
  const [cursors, setCursors] = useState<Array<string | null>>([null]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCursors([null]);
    setParams(draft.trim() ? { q: draft.trim() } : {});
  };

  return (
    <>
      <form onSubmit={submit} role="search" aria-label={searchLabel}>
        <Group align="flex-end" gap="sm">
          <TextInput label={searchLabel} value={draft} onChange={(e) => setDraft(e.currentTarget.value)} style={{ flexGrow: 1 }} maw={maw} />
          <Button type="submit" variant="default">{t('common.search')}</Button>
        </Group>
      </form>
      <Stack gap={gap}>
        {cursors.map((after, index) => (
          <Chunk
            key={`${search}:${after ?? 'first'}`}
            search={search}
            after={after}
            isLast={index === cursors.length - 1}
            onMore={(cursor) => setCursors((list) => [...list, cursor])}
          />
        ))}
      </Stack>
    </>
  );
}

/** A public catalogue page: a title over searched pages. */
export function SearchableCatalogue({ title, searchLabel, Chunk }: { title: string; searchLabel: string; Chunk: (props: CatalogueChunkProps) => ReactNode }) {
  return (
    <Page title={title}>
      <SearchedPages searchLabel={searchLabel} Chunk={Chunk} />
    </Page>
  );
}
