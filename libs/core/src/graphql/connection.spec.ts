import { describe, expect, it } from '@jest/globals';
import { decodeCursor, encodeCursor, mapNodes, toConnection } from './connection.js';

describe('toConnection and mapNodes', () => {
  const rows = [1, 2, 3].map((n) => ({ id: `id-${n}`, at: `2026-01-0${n}` }));

  it('encodes a cursor only when it is read (pageInfo.endCursor too), and the same one each time', () => {
    const read: string[] = [];
    const page = toConnection(rows, 2, (row) => (read.push(row.id), [row.at, row.id]), 3);
    expect(read).toEqual([]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(read).toEqual([]);
    expect(page.pageInfo.endCursor).toBe(encodeCursor(['2026-01-02', 'id-2']));
    expect(read).toEqual(['id-2']); // endCursor
    expect(page.edges.map((edge) => edge.node.id)).toEqual(['id-1', 'id-2']);
    expect(read).toEqual(['id-2']);
    expect(toConnection([], 2, () => [], 0).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
    expect(decodeCursor(page.edges[0].cursor, 2)).toEqual(['2026-01-01', 'id-1']);
    expect(read).toEqual(['id-2', 'id-1']);
  });

  it('maps nodes and keeps each edge\'s cursor from its row', () => {
    const page = mapNodes(toConnection(rows, 3, (row) => [row.at, row.id], 3), (row) => ({ label: row.id.toUpperCase() }));
    expect(page.edges.map((edge) => edge.node)).toEqual([{ label: 'ID-1' }, { label: 'ID-2' }, { label: 'ID-3' }]);
    expect(page.edges.map((edge) => decodeCursor(edge.cursor, 2))).toEqual(rows.map((row) => [row.at, row.id]));
    expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: encodeCursor(['2026-01-03', 'id-3']) });
    expect(page.totalCount).toBe(3);
  });

  it('maps edges built by hand (not from toConnection) as well', () => {
    const page = mapNodes({ edges: [{ cursor: 'c1', node: 1 }], pageInfo: { hasNextPage: false, endCursor: 'c1' }, totalCount: 1 }, (n) => n * 10);
    expect(page.edges).toEqual([{ cursor: 'c1', node: 10 }]);
  });
});
