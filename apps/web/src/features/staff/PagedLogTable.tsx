import { Box, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states.js';
import { KeysetPager } from './KeysetPager.js';

/** One keyset page of a connection, as the staff logs ask for it. */
export interface LogPage<Node> {
  totalCount: number;
  edges: ReadonlyArray<{ node: Node }>;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

export interface PagedLogTableProps<Node> {
  /** The page the query gave (undefined or null before the first answer). */
  page: LogPage<Node> | null | undefined;
  fetching: boolean;
  error: CombinedError | undefined;
  /** What an empty list says. */
  emptyTitle: string;
  /** The sentence that counts the whole list (read out when it changes). */
  count: (totalCount: number) => string;
  /** The table's accessible name (it scrolls sideways as a focusable group). */
  label: string;
  /** The column headers, in order. */
  columns: readonly string[];
  /** One row of the table (a `Table.Tr` with a `key`). */
  row: (node: Node) => ReactNode;
  /** The cursor of the page shown, and a key that changes with the filters (the pager then forgets its history). */
  after: string | undefined;
  pagerKey: string;
  /** Go to the page after `cursor` (undefined: the first). */
  onGo: (cursor: string | undefined) => void;
}

/**
 * A staff log (audit entries, outgoing mail, webhook deliveries): loading, error and empty states, the count, a
 * striped table whose headers are column headers, and previous/next by keyset.
 */
export function PagedLogTable<Node>({ page, fetching, error, emptyTitle, count, label, columns, row, after, pagerKey, onGo }: PagedLogTableProps<Node>) {
  if (fetching && !page) return <LoadingState />;
  if (error) return <ErrorState error={error} />;
  if (!page?.edges.length) return <EmptyState title={emptyTitle} />;
  return (
    <Stack gap="sm">
      <Text size="sm" aria-live="polite">{count(page.totalCount)}</Text>
      <Box tabIndex={0} role="group" aria-label={label} style={{ overflowX: 'auto' }}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column} scope="col">{column}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{page.edges.map(({ node }) => row(node))}</Table.Tbody>
        </Table>
      </Box>
      <KeysetPager key={pagerKey} after={after} endCursor={page.pageInfo.endCursor} hasNextPage={page.pageInfo.hasNextPage} onGo={onGo} />
    </Stack>
  );
}
