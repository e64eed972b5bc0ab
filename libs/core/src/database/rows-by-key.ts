import { type DataSource, type EntityManager } from 'typeorm';
import { jsonTime, type RowJoin } from './row-join.js';

/** Which rows a batch load reads, and what it returns of each (see `rowsByKey`, `rowListsByKey`). */
export interface KeyedRowsSpec {
  /** The table, aliased `c` (or `alias`), as its own feature's repository names it. */
  table: string;
  /**
   * The table's alias in `columns`, `where` and `orderBy` (default `c`). A list nested in another list's JSON
   * (`rowListJson` inside `rowListJson`) needs its own, so the inner list can name the outer row.
   */
  alias?: string;
  /** The uuid column the keys are matched on (`c.<keyColumn> = ANY($1)`). */
  keyColumn: string;
  /** Output field → SQL expression over `c`: plain rows with only these fields, no entities. */
  columns: Readonly<Record<string, string>>;
  /**
   * An extra condition over `c` (constant SQL, no parameters for `rowsByKey`/`rowListsByKey`; inside a parent's
   * statement, `rowListJson`'s may use the parent statement's parameters).
   */
  where?: string;
  /** `rowListsByKey`: the order within each key's list (SQL over `c`). */
  orderBy?: string;
}

type Queryable = Pick<DataSource | EntityManager, 'query'>;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** The spec's columns as [output name, SQL] after checking its names (they are written into SQL). */
function checkedColumns(spec: KeyedRowsSpec): Array<[string, string]> {
  for (const name of [spec.table, spec.keyColumn, spec.alias ?? 'c']) {
    if (!IDENTIFIER.test(name)) throw new Error(`rowsByKey: "${name}" is not a plain SQL identifier`);
  }
  return Object.entries(spec.columns).map(([key, sql]) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) || key.startsWith('__')) throw new Error(`rowsByKey: "${key}" is not a usable output name`);
    return [key, sql];
  });
}

function statement(spec: KeyedRowsSpec): string {
  const columns = checkedColumns(spec).map(([key, sql]) => `${sql} AS "${key}"`);
  const c = spec.alias ?? 'c';
  return `SELECT ${c}.${spec.keyColumn} AS "__key", ${columns.join(', ')} FROM ${spec.table} ${c}
           WHERE ${c}.${spec.keyColumn} = ANY($1::uuid[])${spec.where ? ` AND (${spec.where})` : ''}${spec.orderBy ? ` ORDER BY ${spec.orderBy}` : ''}`;
}

async function load<Row>(db: Queryable, spec: KeyedRowsSpec, keys: readonly string[]): Promise<Array<Row & { __key: string }>> {
  const sql = statement(spec);
  return keys.length ? db.query(sql, [keys]) : [];
}

const strip = <Row>({ __key: _key, ...row }: Row & { __key: string }): Row => row as Row;

/** One row per key (the key column is unique), aligned with `keys`; undefined where none. One statement: a DataLoader's batch. */
export async function rowsByKey<Row>(db: Queryable, spec: KeyedRowsSpec, keys: readonly string[]): Promise<Array<Row | undefined>> {
  const byKey = new Map<string, Row>();
  for (const row of await load<Row>(db, spec, keys)) byKey.set(row.__key, strip(row));
  return keys.map((key) => byKey.get(key));
}

/** Every row of each key, in `spec.orderBy` order, aligned with `keys` (empty lists where none). One statement. */
export async function rowListsByKey<Row>(db: Queryable, spec: KeyedRowsSpec, keys: readonly string[]): Promise<Row[][]> {
  const byKey = new Map<string, Row[]>(keys.map((key) => [key, []]));
  for (const row of await load<Row>(db, spec, keys)) byKey.get(row.__key)?.push(strip(row));
  return keys.map((key) => byKey.get(key)!);
}

/** A list of child rows written into the parent's statement as JSON (see `rowListJson`). */
export interface RowListJson<Row> {
  /** A scalar subquery: the parent's rows as one JSON array (`[]` when none). */
  sql: string;
  /**
   * The rows of the parsed array (pg parses json), each an object of the list's outputs, times as Dates again;
   * `parentKey`: the parent row's key, the value of the output `parentKeyAs` names (required when it names one).
   */
  read: (list: unknown, parentKey?: unknown) => Row[];
}

export interface RowListJsonOptions {
  /**
   * The output that holds the parent's key (its SQL must be the spec's key column): the same for every row, so it is
   * not sent with each (a uuid a row), and `read` sets it from its `parentKey`.
   */
  parentKeyAs?: string;
}

/**
 * Every row of `spec` whose key column equals `parentKey` (a column of the parent's statement, e.g. `e.id`), in
 * `spec.orderBy` order, as one JSON array inside the parent's statement: the same rows as `rowListsByKey`, without a
 * statement of their own. Each row travels as an array of its outputs in a fixed order (`json_build_array`), not an
 * object: its names are not written, sent and parsed again for every row (a study group's members and meetings were
 * 7 KB as objects, 4.8 KB as arrays; PostgreSQL builds them faster and JSON.parse reads arrays in 60% of the time),
 * and `read` makes each row the object its outputs name (outputs of the same SQL are sent once; see `parentKeyAs`
 * for the parent's key). JSON has no times: the columns named in `times` travel as epoch milliseconds (what a Date
 * keeps of a timestamptz, as pg's own parser does) and `read` makes them Dates again (null stays null). `joins` (other
 * libraries' ports that offer `json`, each joined onto the child alias, `c` unless the spec names another) add their
 * outputs to every row, under the same `<alias>.<field>` names their `read` expects.
 */
export function rowListJson<Row>(
  spec: KeyedRowsSpec,
  parentKey: string,
  times: ReadonlyArray<keyof Row & string>,
  joins: ReadonlyArray<RowJoin<unknown>> = [],
  { parentKeyAs }: RowListJsonOptions = {},
): RowListJson<Row> {
  if (!/^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/.test(parentKey)) throw new Error(`rowListJson: "${parentKey}" is not a plain alias.column reference`);
  const c = spec.alias ?? 'c';
  if (parentKeyAs !== undefined && spec.columns[parentKeyAs] !== `${c}.${spec.keyColumn}`) {
    throw new Error(`rowListJson: "${parentKeyAs}" is not the key column ${c}.${spec.keyColumn}`);
  }
  const outputs: Array<readonly [string, string]> = checkedColumns(spec)
    .filter(([key]) => key !== parentKeyAs)
    .map(([key, sql]) => [key, times.includes(key as keyof Row & string) ? jsonTime(sql) : sql]);
  const timeNames: string[] = [...times];
  for (const join of joins) {
    if (!join.json) throw new Error(`rowListJson: the join "${join.alias}" offers no JSON outputs`);
    outputs.push(...join.json.outputs);
    timeNames.push(...join.json.times);
  }
  const order = spec.orderBy ? ` ORDER BY ${spec.orderBy}` : '';
  const from = [spec.table, c, ...joins.map((j) => j.join)].join(' ');
  // Outputs of the same SQL (a join's key and the column it is joined on, as `usersJoin` offers it) travel once.
  const values = [...new Set(outputs.map(([, value]) => value))];
  const sql = `(SELECT coalesce(json_agg(json_build_array(${values.join(', ')})${order}), '[]'::json)
      FROM ${from} WHERE ${c}.${spec.keyColumn} = ${parentKey}${spec.where ? ` AND (${spec.where})` : ''})`;
  const names = outputs.map(([name]) => name);
  const positions = outputs.map(([, value]) => values.indexOf(value));
  const isTime = names.map((name) => timeNames.includes(name));
  const rowOf = (array: unknown[], key: unknown): Row => {
    const row: Record<string, unknown> = {};
    if (parentKeyAs !== undefined) row[parentKeyAs] = key;
    for (let i = 0; i < names.length; i++) {
      const value = array[positions[i]];
      row[names[i]] = isTime[i] && value !== null ? new Date(value as number) : value;
    }
    return row as Row;
  };
  const read = (list: unknown, parentKey?: unknown): Row[] => {
    if (parentKeyAs !== undefined && parentKey === undefined) throw new Error(`rowListJson: reading "${parentKeyAs}" needs the parent's key`);
    return ((list ?? []) as unknown[][]).map((array) => rowOf(array, parentKey));
  };
  return { sql, read };
}
