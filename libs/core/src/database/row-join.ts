/**
 * Another library's row read inside the caller's statement: the port of the library that owns the table
 * (accounts' `usersJoin`, members' `membershipsJoin`) names the table, the JOIN and the columns its own loader
 * reads; the caller pastes `join` after its FROM, `select` into its select list, and gets each joined object
 * back from a result row with `read` (then primes the owner's per-request loader with it).
 */
export interface RowJoin<T> {
  /** The alias every output of the join is named under (`<alias>.<field>`). */
  alias: string;
  /** SQL after the caller's FROM (a JOIN, or a LEFT JOIN LATERAL for at most one row). */
  join: string;
  /** Select-list entries, each output named `<alias>.<field>`. */
  select: string;
  /** The joined object of a result row; undefined where a LEFT JOIN found none. */
  read(row: Record<string, unknown>): T | undefined;
  /**
   * For a join inside a JSON list (`rowListJson`): the same outputs as [name, SQL] (times as epoch milliseconds, see
   * `jsonTime`), and which outputs are times. A port that offers it can be nested in JSON.
   */
  json?: { outputs: ReadonlyArray<readonly [string, string]>; times: readonly string[] };
}

/** A timestamptz expression as JSON carries it in our lists: epoch milliseconds (what a Date keeps of it). */
export function jsonTime(sql: string): string {
  return `floor(extract(epoch FROM ${sql}) * 1000)`;
}

const PLAIN_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Throws unless each of `names` (SQL aliases, or `alias.column` references) is made of plain identifiers. */
export function checkJoinIdentifiers(port: string, ...names: string[]): void {
  for (const name of names.flatMap((n) => n.split('.'))) {
    if (!PLAIN_IDENTIFIER.test(name)) throw new Error(`${port}: "${name}" is not a plain SQL identifier`);
  }
}

/**
 * Reads the object made of a row's outputs `<alias>.<field>` for each of `fields`, or undefined when its
 * `<alias>.<presentField>` is null (a LEFT JOIN that found no row). The output names are built once here,
 * not for every field of every row.
 */
export function joinedReader<T>(alias: string, fields: readonly string[], presentField: string): (row: Record<string, unknown>) => T | undefined {
  const present = `${alias}.${presentField}`;
  const outputs = fields.map((field) => [field, `${alias}.${field}`] as const);
  return (row) => {
    if (row[present] == null) return undefined;
    const value: Record<string, unknown> = {};
    for (const [field, output] of outputs) value[field] = row[output];
    return value as T;
  };
}

/**
 * A result row split into the caller's own object and the objects joined into it: each of `fields` copied as it is,
 * each of `joins` read into the property its key names (undefined where a LEFT JOIN found none). For a statement that
 * selects its own fields by name beside one or more joins' `select`.
 */
export function rowWithJoins<T>(fields: readonly string[], joins: Readonly<Record<string, Pick<RowJoin<unknown>, 'read'>>>): (row: Record<string, unknown>) => T {
  const joined = Object.entries(joins);
  return (row) => {
    const value: Record<string, unknown> = {};
    for (const field of fields) value[field] = row[field];
    for (const [key, join] of joined) value[key] = join.read(row);
    return value as T;
  };
}

/**
 * `build` remembered per `keyOf(arg)`, for the life of the process: a port's join (or a select list) made for one shape
 * of asked fields is built once, not on every request. The shapes are a handful (the query shapes clients send), so
 * nothing is evicted.
 */
export function rememberedByKey<A, T>(keyOf: (arg: A) => string, build: (arg: A) => T): (arg: A) => T {
  const built = new Map<string, T>();
  return (arg) => {
    const key = keyOf(arg);
    let value = built.get(key);
    if (value === undefined) built.set(key, (value = build(arg)));
    return value;
  };
}
