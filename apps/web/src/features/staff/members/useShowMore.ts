import { useState } from 'react';
import type { CombinedError } from 'urql';

export interface ListPage<Node> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: Node }>;
}

/**
 * "Show more" for a keyset-paged list whose first page came with the page's query: each click asks
 * for the page after the last row shown and appends it. A new first page (the page was refreshed)
 * starts again from it, so rows never mix two readings of the list.
 */
export function useShowMore<Node>(first: ListPage<Node>, fetchAfter: (after: string) => Promise<{ data?: ListPage<Node>; error?: CombinedError }>) {
  const [more, setMore] = useState<{ base: ListPage<Node>; pages: Array<ListPage<Node>> }>({ base: first, pages: [] });
  const [loading, setLoading] = useState(false);
  const pages = more.base === first ? more.pages : [];
  const last = pages[pages.length - 1] ?? first;
  const nodes = [first, ...pages].flatMap((page) => page.edges.map((edge) => edge.node));

  /** Loads the next page; answers with the error when it failed (the rows shown stay). */
  const showMore = async (): Promise<CombinedError | undefined> => {
    if (!last.pageInfo.hasNextPage || !last.pageInfo.endCursor) return undefined;
    setLoading(true);
    const result = await fetchAfter(last.pageInfo.endCursor);
    setLoading(false);
    if (result.data && !result.error) setMore({ base: first, pages: [...pages, result.data] });
    return result.error;
  };

  return { nodes, totalCount: last.totalCount, hasMore: last.pageInfo.hasNextPage && !!last.pageInfo.endCursor, loading, showMore };
}
