import { type DataSource, type EntityManager } from 'typeorm';
import { type RowJoin } from './row-join.js';

/** How a child list is read for many parents at once (see `pagesPerParent`). */
export interface ChildListSpec {
  /** The child table; the bench and the boundary check see it named by its own feature's repository. */
  table: string;
  /** The child's column holding the parent's id (uuid). */
  parentColumn: string;
  /** Output field → SQL expression over the child row aliased `c` (e.g. `{ eventId: 'c.event_id' }`): plain rows, only these columns. */
  columns: Readonly<Record<string, string>>;
  /** The keyset: a timestamptz column then a uuid column, both ascending (e.g. `['created_at', 'id']`). */
  keyset: readonly [string, string];
  /** An extra condition over `c` (constant SQL, no parameters). */
  where?: string;
}

type Queryable = Pick<DataSource | EntityManager, 'query'>;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function checkSpec(spec: ChildListSpec): void {
  for (const name of [spec.table, spec.parentColumn, ...spec.keyset]) {
    if (!IDENTIFIER.test(name)) throw new Error(`pagesPerParent: "${name}" is not a plain SQL identifier`);
  }
  for (const key of Object.keys(spec.columns)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) || key.startsWith('__')) throw new Error(`pagesPerParent: "${key}" is not a usable output name`);
  }
}

/**
 * One page of a child list for each of many parents, in ONE statement: the parents' ids are unnested
 * and each reads at most `limit` children through a LATERAL keyset scan (an index on
 * (parentColumn, keyset…) makes each an index range read; an `IN (window query)` form would scan every child).
 * Rows are plain objects with `spec.columns` as their values (no entities; two bookkeeping keys, `__ord` and `__pos`,
 * are left on them undefined), in keyset order, grouped by parent in
 * the order of `parentIds`. `after` (keyset values of the last row seen) applies to every parent.
 * `joins` (other libraries' ports over `c`, e.g. `usersJoin('u', 'c.user_id')`) add their outputs to each row,
 * named `<alias>.<field>`, for their `read`: the children's related rows come in the same statement.
 *
 * This is what DataLoaders of nested connections call: one statement per list level, whatever the page size.
 */
export async function pagesPerParent<Row>(
  db: Queryable,
  spec: ChildListSpec,
  parentIds: readonly string[],
  limit: number,
  after?: readonly [string, string],
  joins: ReadonlyArray<Pick<RowJoin<unknown>, 'join' | 'select'>> = [],
): Promise<Row[][]> {
  checkSpec(spec);
  if (!parentIds.length) return [];
  const [k1, k2] = spec.keyset;
  const params: unknown[] = [parentIds, limit];
  const conditions = [`c.${spec.parentColumn} = k.parent`];
  if (spec.where) conditions.push(`(${spec.where})`);
  if (after) {
    params.push(after[0], after[1]);
    conditions.push(`(c.${k1}, c.${k2}) > ($3::timestamptz, $4::uuid)`);
  }
  const columns = [...Object.entries(spec.columns).map(([key, sql]) => `${sql} AS "${key}"`), ...joins.map((j) => j.select)];
  // Each page's order travels as an integer position, not as the keyset's timestamp and uuid (parsed again for every row).
  const rows: Array<Row & { __ord: string }> = await db.query(
    `SELECT k.ord AS "__ord", page.* FROM unnest($1::uuid[]) WITH ORDINALITY AS k(parent, ord)
       CROSS JOIN LATERAL (SELECT ${columns.join(', ')}, row_number() OVER (ORDER BY c.${k1}, c.${k2}) AS "__pos"
                             FROM ${spec.table} c${joins.map((j) => ` ${j.join}`).join('')}
                            WHERE ${conditions.join(' AND ')} ORDER BY c.${k1}, c.${k2} LIMIT $2) page
      ORDER BY k.ord, page."__pos"`,
    params,
  );
  const pages: Row[][] = parentIds.map(() => []);
  // The bookkeeping outputs are emptied in place, not copied away: a copy of every row (an object rest of 30-odd
  // outputs on the staff page's 400 registrations) was ~4% of that read's CPU and a tenth of what it allocated.
  // Left undefined, they are not values: JSON and GraphQL skip them, and no reader asks for them.
  for (const row of rows as Array<Row & { __ord?: string; __pos?: unknown }>) {
    const ord = Number(row.__ord);
    row.__ord = undefined;
    row.__pos = undefined;
    pages[ord - 1].push(row);
  }
  return pages;
}

/** How many children each parent has (0 for none), in one statement: the `totalCount` of a nested connection. */
export async function countsPerParent(db: Queryable, spec: Pick<ChildListSpec, 'table' | 'parentColumn' | 'where'>, parentIds: readonly string[]): Promise<number[]> {
  checkSpec({ ...spec, columns: {}, keyset: ['id', 'id'] });
  if (!parentIds.length) return [];
  const rows: Array<{ parent: string; n: number }> = await db.query(
    `SELECT c.${spec.parentColumn} AS parent, count(*)::int AS n FROM ${spec.table} c
      WHERE c.${spec.parentColumn} = ANY($1::uuid[])${spec.where ? ` AND (${spec.where})` : ''} GROUP BY 1`,
    [parentIds],
  );
  const byParent = new Map(rows.map((r) => [r.parent, r.n]));
  return parentIds.map((id) => byParent.get(id) ?? 0);
}
