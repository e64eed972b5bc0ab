import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Previous/next for a keyset-paged list: next asks for the page after `endCursor`; the cursors of
 * the pages before are remembered here to step back. Give it a `key` that changes with the filters.
 */
export function KeysetPager({ after, endCursor, hasNextPage, onGo }: { after: string | undefined; endCursor: string | null; hasNextPage: boolean; onGo: (cursor: string | undefined) => void }) {
  const { t } = useTranslation();
  const [previous, setPrevious] = useState<Array<string | undefined>>([]);
  return (
    <Group>
      <Button
        variant="default"
        disabled={previous.length === 0}
        onClick={() => {
          setPrevious(previous.slice(0, -1));
          onGo(previous[previous.length - 1]);
        }}
      >
        {t('staff.paging.previous')}
      </Button>
      <Button
        variant="default"
        disabled={!hasNextPage || !endCursor}
        onClick={() => {
          setPrevious([...previous, after]);
          onGo(endCursor ?? undefined);
        }}
      >
        {t('staff.paging.next')}
      </Button>
    </Group>
  );
}
