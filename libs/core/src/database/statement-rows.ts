import pg from 'pg';

/** A column of a RowDescription, as pg-protocol hands it over. */
interface FieldDescription {
  name: string;
  dataTypeID: number;
  format: string;
}

type Parser = (text: string) => unknown;

/**
 * How the rows of one prepared statement are read: its columns' names and the parser of each column's type. A named
 * statement's result columns never change while it is prepared (PostgreSQL refuses it instead), so the shape is
 * worked out once per connection and statement; `matches` still checks every description against it.
 */
export class RowShape {
  private constructor(
    private readonly names: readonly string[],
    private readonly typeIds: readonly number[],
    readonly parsers: readonly Parser[],
  ) {}

  /** The shape of `fields` (text columns only: undefined when one is binary), its parsers from `types`. */
  static of(fields: readonly FieldDescription[], types: Pick<typeof pg.types, 'getTypeParser'>): RowShape | undefined {
    if (fields.some((field) => field.format !== 'text')) return undefined;
    return new RowShape(
      fields.map((field) => field.name),
      fields.map((field) => field.dataTypeID),
      fields.map((field) => types.getTypeParser(field.dataTypeID, 'text') as Parser),
    );
  }

  matches(fields: readonly FieldDescription[]): boolean {
    if (fields.length !== this.names.length) return false;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i];
      if (field.name !== this.names[i] || field.dataTypeID !== this.typeIds[i] || field.format !== 'text') return false;
    }
    return true;
  }

  /**
   * A row as pg makes it (each column under its name, in order, a later column of the same name winning; null
   * stays null), as a plain object built property by property: rows of one shape share V8's hidden class, where
   * pg's copy of a null-prototype template makes every row, and its template on every execution, a dictionary.
   */
  read(values: ReadonlyArray<string | null>): Record<string, unknown> {
    const row: Record<string, unknown> = {};
    const { names, parsers } = this;
    for (let i = 0; i < names.length; i++) {
      const value = values[i];
      row[names[i]] = value === null ? null : parsers[i](value);
    }
    return row;
  }
}

/** The part of pg's Query (not in its types) a shaped query takes over: what it does with a description and a row. */
interface QueryInternals {
  _result: { fields: unknown; _parsers: unknown; _types?: Pick<typeof pg.types, 'getTypeParser'>; rows: unknown[] };
  _canceledDueToError: unknown;
  _accumulateRows: boolean;
  callback?: unknown;
  _checkForMultirow(): void;
  handleRowDescription(msg: { fields: FieldDescription[] }): void;
  handleDataRow(msg: { fields: Array<string | null> }): void;
}

const pgQuery = pg.Query.prototype as unknown as QueryInternals;

/**
 * A pg Query for a named statement that reads its rows through the statement's `RowShape`, kept in `shapes` (the
 * connection's, by statement name), instead of pg building its parsers and row template again on every execution
 * (for a study group's one 20-column statement, pg's `addFields` and `parseRow` took 45 µs a request, 7% of the
 * API's CPU). A description that does not match the kept shape, or has a binary column, goes through pg's own
 * handling. Written against pg 8's Query (`handleRowDescription`, `handleDataRow`, `_result`): the spec compares
 * its rows with pg's own for the column types the app reads.
 */
export class ShapedQuery extends pg.Query {
  private shape: RowShape | undefined;

  constructor(
    text: string,
    values: unknown[] | undefined,
    readonly name: string,
    private readonly shapes: Map<string, RowShape>,
  ) {
    super(text, values);
  }

  handleRowDescription(msg: { fields: FieldDescription[] }): void {
    const self = this as unknown as QueryInternals;
    let shape = this.shapes.get(this.name);
    if (!shape?.matches(msg.fields)) {
      shape = RowShape.of(msg.fields, self._result._types ?? pg.types);
      if (shape) this.shapes.set(this.name, shape);
      else this.shapes.delete(this.name);
    }
    this.shape = shape;
    if (!shape) {
      pgQuery.handleRowDescription.call(this, msg);
      return;
    }
    self._checkForMultirow();
    self._result.fields = msg.fields;
    self._result._parsers = shape.parsers;
    self._accumulateRows = Boolean(self.callback) || this.listenerCount('row') === 0;
  }

  handleDataRow(msg: { fields: Array<string | null> }): void {
    const self = this as unknown as QueryInternals;
    const shape = this.shape;
    if (!shape) {
      pgQuery.handleDataRow.call(this, msg);
      return;
    }
    if (self._canceledDueToError) return;
    let row: Record<string, unknown>;
    try {
      row = shape.read(msg.fields);
    } catch (error) {
      self._canceledDueToError = error;
      return;
    }
    if (this.listenerCount('row') > 0) this.emit('row', row, self._result);
    if (self._accumulateRows) self._result.rows.push(row);
  }
}
