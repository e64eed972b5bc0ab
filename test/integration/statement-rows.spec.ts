import { afterEach, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { preparingClient } from '../../libs/core/src/database/prepared-statements.js';
import { RowShape } from '../../libs/core/src/database/statement-rows.js';
import { poolTypes } from '../../libs/core/src/database/timestamptz.js';
import { adminUrl } from '../utils/test-db.js';

/** Every column type the app's statements read, nulls, a repeated name (the later column wins, at the first's place). */
const EVERY_TYPE = `SELECT $1::int AS "int", 9007199254740993::int8 AS "bigint", 12.50::numeric AS "numeric", 1.5::float8 AS "float",
  true AS "bool", 'Dana Müller'::text AS "text", NULL::text AS "nothing", '2026-12-07 14:00:00.123456+00'::timestamptz AS "at",
  '2026-12-14'::date AS "day", '18:00'::time AS "clock", gen_random_uuid() IS NOT NULL AS "hasUuid",
  '377c400b-a23e-4c18-863c-f073b8605814'::uuid AS "id", ARRAY['a','b,c']::text[] AS "words", ARRAY[1,2]::int[] AS "numbers",
  '{"a":[1,{"b":null}]}'::json AS "json", '{"k":"v"}'::jsonb AS "jsonb", 'x' AS "same", 'y' AS "same", 'list.members' AS "list.members"
  FROM generate_series(1, $2::int)`;

describe('named statements read their rows through the statement’s kept shape', () => {
  const open: pg.Client[] = [];
  async function connect(Client: typeof pg.Client): Promise<pg.Client> {
    const client = new Client({ connectionString: adminUrl(), types: poolTypes });
    await client.connect();
    open.push(client);
    return client;
  }
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.end()));
  });

  it('gives the rows, fields and row count pg gives, the first time and every time after', async () => {
    const plain = await connect(pg.Client);
    const prepared = await connect(preparingClient());
    for (const count of [3, 0, 2]) {
      const expected = await plain.query(EVERY_TYPE, [7, count]);
      const actual = await prepared.query(EVERY_TYPE, [7, count]);
      expect(actual.rows).toEqual(expected.rows);
      expect(actual.rows.map((row) => Object.keys(row))).toEqual(expected.rows.map((row) => Object.keys(row)));
      expect(actual.rows.every((row) => Object.getPrototypeOf(row) === Object.prototype)).toBe(true);
      expect(actual.rowCount).toBe(count);
      expect(actual.fields.map((f) => [f.name, f.dataTypeID])).toEqual(expected.fields.map((f) => [f.name, f.dataTypeID]));
    }
    const [row] = (await prepared.query(EVERY_TYPE, [7, 1])).rows;
    expect(row).toMatchObject({ int: 7, bigint: '9007199254740993', numeric: '12.50', text: 'Dana Müller', nothing: null, same: 'y' });
    expect(row.at).toEqual(new Date('2026-12-07T14:00:00.123Z'));
    expect(row.json).toEqual({ a: [1, { b: null }] });
  });

  it('hands each row to a row listener as pg does', async () => {
    const prepared = await connect(preparingClient());
    const seen: unknown[] = [];
    const query = prepared.query('SELECT $1::int + n AS n FROM generate_series(1, 2) n', [10], () => undefined) as unknown as pg.Query;
    query.on('row', (row) => seen.push(row));
    await new Promise((resolve) => query.on('end', resolve));
    expect(seen).toEqual([{ n: 11 }, { n: 12 }]);
  });

  it('an error in a column’s parser fails the query, and the connection goes on', async () => {
    const types = { getTypeParser: (oid: number, format?: string) => (oid === 23 ? () => { throw new Error('unreadable int'); } : pg.types.getTypeParser(oid, format as 'text')) };
    const Client = preparingClient();
    const client = new Client({ connectionString: adminUrl(), types: types as typeof pg.types });
    await client.connect();
    open.push(client);
    await expect(client.query('SELECT $1::int AS n', [1])).rejects.toThrow('unreadable int');
    expect((await client.query('SELECT $1::text AS t', ['ok'])).rows).toEqual([{ t: 'ok' }]);
  });
});

describe('RowShape', () => {
  const text = (name: string, dataTypeID = 25) => ({ name, dataTypeID, format: 'text' });
  const shape = RowShape.of([text('a'), text('n', 23)], pg.types)!;

  it('matches only the same names and types, in the same order, all text', () => {
    expect(shape.matches([text('a'), text('n', 23)])).toBe(true);
    expect(shape.matches([text('n', 23), text('a')])).toBe(false);
    expect(shape.matches([text('a'), text('n', 20)])).toBe(false);
    expect(shape.matches([text('a'), text('m', 23)])).toBe(false);
    expect(shape.matches([text('a')])).toBe(false);
    expect(shape.matches([text('a'), { ...text('n', 23), format: 'binary' }])).toBe(false);
  });

  it('is not made for a binary column (pg reads those itself)', () => {
    expect(RowShape.of([{ name: 'b', dataTypeID: 17, format: 'binary' }], pg.types)).toBeUndefined();
  });

  it('reads a row of texts with each column’s parser, null staying null', () => {
    expect(shape.read(['x', '42'])).toEqual({ a: 'x', n: 42 });
    expect(shape.read([null, null])).toEqual({ a: null, n: null });
  });
});
