import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { checkJoinIdentifiers, countsPerParent, pagesPerParent, joinedReader, type ChildListSpec, type RowJoin } from '../../libs/core/src/index.js';
import { guildhallDataSource } from '../../migrations/data-source.js';
import { createTestDatabase, type TestDatabase } from '../utils/test-db.js';

interface Child {
  id: string;
  parentId: string;
  label: string;
}

// A scratch table in this spec's own database: the mechanism is the subject, not a feature's table.
const SPEC: ChildListSpec = {
  table: 'pp_children',
  parentColumn: 'parent_id',
  columns: { id: 'c.id', parentId: 'c.parent_id', label: 'c.label' },
  keyset: ['created_at', 'id'],
};

const PARENTS = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-00000000000c'];
const LONELY = '00000000-0000-4000-8000-0000000000ff';

describe('pagesPerParent / countsPerParent: a page of children for many parents in one statement', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let statements: string[];
  let counted: { query: (sql: string, params?: unknown[]) => Promise<any> };

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await guildhallDataSource(db.url, 2).initialize();
    await dataSource.query(`CREATE TABLE pp_children (id uuid PRIMARY KEY, parent_id uuid NOT NULL, label text NOT NULL, hidden boolean NOT NULL DEFAULT false, created_at timestamptz NOT NULL)`);
    // Parent a: 5 children a0..a4 one minute apart, inserted out of order; b: 2 children (b1 hidden); c: none.
    await dataSource.query(
      `INSERT INTO pp_children (id, parent_id, label, hidden, created_at) VALUES
         ('10000000-0000-4000-8000-000000000003', $1, 'a3', false, '2026-01-01T00:03:00Z'),
         ('10000000-0000-4000-8000-000000000001', $1, 'a1', false, '2026-01-01T00:01:00Z'),
         ('10000000-0000-4000-8000-000000000004', $1, 'a4', false, '2026-01-01T00:04:00Z'),
         ('10000000-0000-4000-8000-000000000000', $1, 'a0', false, '2026-01-01T00:00:00Z'),
         ('10000000-0000-4000-8000-000000000002', $1, 'a2', false, '2026-01-01T00:02:00Z'),
         ('20000000-0000-4000-8000-000000000001', $2, 'b1', true,  '2026-01-01T00:00:00Z'),
         ('20000000-0000-4000-8000-000000000000', $2, 'b0', false, '2026-01-01T00:00:00Z')`,
      [PARENTS[0], PARENTS[1]],
    );
    // Notes on some children, for a joined read (a0 and b0 have one; the others none).
    await dataSource.query(`CREATE TABLE pp_notes (child_id uuid PRIMARY KEY, body text NOT NULL, stars int NOT NULL)`);
    await dataSource.query(`INSERT INTO pp_notes VALUES ('10000000-0000-4000-8000-000000000000', 'first', 3), ('20000000-0000-4000-8000-000000000000', 'bee', 1)`);
    statements = [];
    counted = { query: (sql, params) => (statements.push(sql), dataSource.query(sql, params)) };
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('gives each parent, in the order asked, at most `limit` children in keyset order (ties broken by id), as plain rows', async () => {
    statements.length = 0;
    const pages = await pagesPerParent<Child>(counted, SPEC, [PARENTS[2], PARENTS[0], PARENTS[1]], 3);
    expect(statements).toHaveLength(1);
    expect(pages.map((p) => p.map((c) => c.label))).toEqual([[], ['a0', 'a1', 'a2'], ['b0', 'b1']]);
    expect(pages[1][0]).toEqual({ id: '10000000-0000-4000-8000-000000000000', parentId: PARENTS[0], label: 'a0' });
    // The bookkeeping outputs are left undefined: the row's values, and its JSON, are the spec's columns alone.
    expect(JSON.parse(JSON.stringify(pages[1][0]))).toStrictEqual({ id: '10000000-0000-4000-8000-000000000000', parentId: PARENTS[0], label: 'a0' });
    expect(Object.getPrototypeOf(pages[1][0])).toBe(Object.prototype);
  });

  it('continues after the keyset values of the last row seen', async () => {
    const [page] = await pagesPerParent<Child>(counted, SPEC, [PARENTS[0]], 2, ['2026-01-01T00:01:00Z', '10000000-0000-4000-8000-000000000001']);
    expect(page.map((c) => c.label)).toEqual(['a2', 'a3']);
  });

  it('is one statement however many parents and however large the page', async () => {
    const many = [...PARENTS, ...Array.from({ length: 200 }, (_, i) => `30000000-0000-4000-8000-${String(i).padStart(12, '0')}`)];
    statements.length = 0;
    await pagesPerParent<Child>(counted, SPEC, many, 100);
    await countsPerParent(counted, SPEC, many);
    expect(statements).toHaveLength(2);
  });

  it('applies the spec\'s own condition to pages and counts alike', async () => {
    const visible = { ...SPEC, where: 'NOT c.hidden' };
    const [page] = await pagesPerParent<Child>(counted, visible, [PARENTS[1]], 10);
    expect(page.map((c) => c.label)).toEqual(['b0']);
    expect(await countsPerParent(counted, visible, [PARENTS[1], PARENTS[0], LONELY])).toEqual([1, 5, 0]);
  });

  it('reads another table\'s row per child in the same statement through a join port, and the port\'s read gives it back (undefined where none)', async () => {
    const NOTE: RowJoin<{ body: string; stars: number }> = {
      alias: 'n',
      join: 'LEFT JOIN pp_notes n ON n.child_id = c.id',
      select: 'n.child_id AS "n.childId", n.body AS "n.body", n.stars AS "n.stars"',
      read: joinedReader('n', ['body', 'stars'], 'childId'),
    };
    statements.length = 0;
    const pages = await pagesPerParent<Child & Record<string, unknown>>(counted, SPEC, [PARENTS[0], PARENTS[1]], 2, undefined, [NOTE]);
    expect(statements).toHaveLength(1);
    expect(pages.map((p) => p.map((c) => [c.label, NOTE.read(c) ?? null]))).toEqual([
      [['a0', { body: 'first', stars: 3 }], ['a1', null]],
      [['b0', { body: 'bee', stars: 1 }], ['b1', null]],
    ]);
    expect(checkJoinIdentifiers('spec', 'n', 'c.user_id')).toBeUndefined();
    expect(() => checkJoinIdentifiers('spec', 'n', 'c.id; DROP TABLE x')).toThrow('spec: "id; DROP TABLE x" is not a plain SQL identifier');
  });

  it('asks nothing for no parents, and refuses names that are not plain identifiers', async () => {
    statements.length = 0;
    expect(await pagesPerParent(counted, SPEC, [], 5)).toEqual([]);
    expect(await countsPerParent(counted, SPEC, [])).toEqual([]);
    expect(statements).toHaveLength(0);
    await expect(pagesPerParent(counted, { ...SPEC, table: 'pp_children; DROP TABLE x' }, PARENTS, 5)).rejects.toThrow('not a plain SQL identifier');
    await expect(pagesPerParent(counted, { ...SPEC, columns: { 'bad"name': 'c.id' } }, PARENTS, 5)).rejects.toThrow('not a usable output name');
  });
});
