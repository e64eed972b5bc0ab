import { afterEach, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { createDataSource } from '../../libs/core/src/index.js';
import { preparedStatementName, preparingClient } from '../../libs/core/src/database/prepared-statements.js';
import { adminUrl } from '../utils/test-db.js';

interface Prepared {
  name: string;
  statement: string;
  executions: number;
}

/** This session's prepared statements, read by a query object (passed through as it is: not prepared itself). */
async function preparedOn(client: pg.Client): Promise<Prepared[]> {
  const { rows } = await client.query<Prepared>({
    text: `SELECT name, statement, (generic_plans + custom_plans)::int AS executions FROM pg_prepared_statements ORDER BY prepare_time, name`,
  });
  return rows;
}

describe('preparingClient: statements with parameters as named prepared statements', () => {
  const open: pg.Client[] = [];
  async function connect(limit?: number): Promise<pg.Client> {
    const Client = preparingClient(limit);
    const client = new Client({ connectionString: adminUrl() });
    await client.connect();
    open.push(client);
    return client;
  }
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.end()));
  });

  it('parses a text once per connection and executes it by name after; statements without parameters stay simple', async () => {
    const client = await connect();
    const text = 'SELECT $1::int + 1 AS n';
    for (const n of [1, 2]) expect((await client.query(text, [n])).rows).toEqual([{ n: n + 1 }]);
    const byCallback = await new Promise((resolve, reject) => client.query(text, [3], (error, result) => (error ? reject(error) : resolve(result.rows))));
    expect(byCallback).toEqual([{ n: 4 }]);
    await client.query('SET application_name = $$prepared-spec$$');
    await client.query('BEGIN');
    await client.query('COMMIT');
    expect(await preparedOn(client)).toEqual([{ name: preparedStatementName(text), statement: text, executions: 3 }]);
  });

  it('prepares a SELECT or WITH without parameters too (its one plan kept)', async () => {
    const client = await connect();
    const [select, withQuery] = ['SELECT 41 + 1 AS n', '  with x AS (SELECT 2 AS n) SELECT n FROM x'];
    for (const values of [undefined, []]) {
      expect((await client.query(select, values)).rows).toEqual([{ n: 42 }]);
      expect((await client.query(withQuery, values)).rows).toEqual([{ n: 2 }]);
    }
    const prepared = (await preparedOn(client)).map((p) => [p.name, p.executions]);
    expect(prepared).toEqual([[preparedStatementName(select), 2], [preparedStatementName(withQuery), 2]]);
  });

  it('keeps the most recently used statements up to its limit, deallocating the oldest, and prepares it again when it returns', async () => {
    const client = await connect(2);
    const [a, b, c] = ['SELECT $1::int AS a', 'SELECT $1::int AS b', 'SELECT $1::int AS c'];
    await client.query(a, [1]);
    await client.query(b, [1]);
    await client.query(a, [2]); // a is now the most recent: b goes first
    await client.query(c, [1]);
    expect((await preparedOn(client)).map((p) => p.statement).sort()).toEqual([a, c]);
    expect((await client.query(b, [7])).rows).toEqual([{ b: 7 }]);
    expect((await preparedOn(client)).map((p) => p.statement).sort()).toEqual([b, c]);
  });

  it('a deallocation refused in an aborted transaction leaves the statement usable by name afterwards', async () => {
    const client = await connect(1);
    const [a, b] = ['SELECT $1::int AS a', 'SELECT $1::int AS b'];
    await client.query(a, [1]);
    await client.query('BEGIN');
    await expect(client.query({ text: 'SELECT 1/0' })).rejects.toThrow('division by zero');
    // b's arrival evicts a: PostgreSQL refuses the DEALLOCATE (the transaction is aborted), and b fails as every statement would.
    await expect(client.query(b, [1])).rejects.toThrow('current transaction is aborted');
    await client.query('ROLLBACK');
    // a is still prepared on both sides: executing it again neither fails on a missing statement nor prepares it twice.
    expect((await client.query(a, [5])).rows).toEqual([{ a: 5 }]);
    expect((await preparedOn(client)).map((p) => p.statement)).toEqual([a]);
  });

  it('a statement whose result columns a migration changed fails once, then is prepared again', async () => {
    const client = await connect();
    const other = await connect();
    const table = `prepared_spec_${process.pid}_${Date.now()}`;
    await other.query(`CREATE TABLE ${table} (id int)`);
    try {
      await other.query(`INSERT INTO ${table} VALUES (1)`);
      const text = `SELECT * FROM ${table} WHERE id = $1`;
      expect((await client.query(text, [1])).rows).toEqual([{ id: 1 }]);
      await other.query(`ALTER TABLE ${table} ADD COLUMN note text DEFAULT 'n'`);
      await expect(client.query(text, [1])).rejects.toThrow('cached plan must not change result type');
      expect((await client.query(text, [1])).rows).toEqual([{ id: 1, note: 'n' }]);
    } finally {
      await other.query(`DROP TABLE ${table}`);
    }
  });

  it('a text that fails to parse is not remembered as prepared: the next use reports the same error', async () => {
    const client = await connect();
    const broken = 'SELEC $1::int';
    await expect(client.query(broken, [1])).rejects.toThrow('syntax error');
    await expect(client.query(broken, [1])).rejects.toThrow('syntax error');
    expect((await client.query('SELECT $1::int AS ok', [1])).rows).toEqual([{ ok: 1 }]);
  });
});

describe('the app DataSource runs its statements prepared unless told not to', () => {
  it.each([
    [undefined, ['SELECT $1::int AS n']],
    [false, []],
  ])('preparedStatements: %s', async (preparedStatements, expected) => {
    const dataSource = await createDataSource({ url: adminUrl(), poolSize: 1, entities: [], migrations: [], preparedStatements }).initialize();
    try {
      expect(await dataSource.query('SELECT $1::int AS n', [4])).toEqual([{ n: 4 }]);
      const rows: Array<{ statement: string }> = await dataSource.query(`SELECT statement FROM pg_prepared_statements WHERE statement = $1`, ['SELECT $1::int AS n']);
      expect(rows.map((r) => r.statement)).toEqual(expected);
    } finally {
      await dataSource.destroy();
    }
  });
});
