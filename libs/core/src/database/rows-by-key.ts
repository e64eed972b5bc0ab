import { type DataSource, type EntityManager } from 'typeorm';

/** Which rows a batch load reads, and what it returns of each (see `rowsByKey`, `rowListsByKey`). */
export interface KeyedRowsSpec {
  /** The table, aliased `c`, as its own feature's repository names it. */
  table: string;
  /** The uuid column the keys are matched on (`c.<keyColumn> = ANY($1)`). */
  keyColumn: string;
  /** Output field → SQL expression over `c`: plain rows with only these fields, no entities. */
  columns: Readonly<Record<string, string>>;
  /** An extra condition over `c` (constant SQL, no parameters). */
  where?: string;
  /** `rowListsByKey`: the order within each key's list (SQL over `c`). */
  orderBy?: string;
}

type Queryable = Pick<DataSource | EntityManager, 'query'>;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function statement(spec: KeyedRowsSpec): string {
  for (const name of [spec.table, spec.keyColumn]) {
    if (!IDENTIFIER.test(name)) throw new Error(`rowsByKey: "${name}" is not a plain SQL identifier`);
  }
  const columns = Object.entries(spec.columns).map(([key, sql]) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) || key.startsWith('__')) throw new Error(`rowsByKey: "${key}" is not a usable output name`);
    return `${sql} AS "${key}"`;
  });
  return `SELECT c.${spec.keyColumn} AS "__key", ${columns.join(', ')} FROM ${spec.table} c
           WHERE c.${spec.keyColumn} = ANY($1::uuid[])${spec.where ? ` AND (${spec.where})` : ''}${spec.orderBy ? ` ORDER BY ${spec.orderBy}` : ''}`;
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
