import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { joinedReader, jsonTime, type KeyedRowsSpec, type RowJoin, rowListJson, rowListsByKey, rowsByKey, rowWithJoins } from '../../libs/core/src/index.js';
import { guildhallDataSource } from '../../migrations/data-source.js';
import { createTestDatabase, type TestDatabase } from '../utils/test-db.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const NONE = '00000000-0000-4000-8000-0000000000ff';

// Scratch tables in this spec's own database: the mechanism is the subject, not a feature's table.
const PEOPLE: KeyedRowsSpec = { table: 'rk_people', keyColumn: 'id', columns: { id: 'c.id', fullName: 'c.full_name', credits: 'c.credits::float8' } };
const NOTES: KeyedRowsSpec = { table: 'rk_notes', keyColumn: 'person_id', columns: { text: 'c.text' }, where: 'NOT c.hidden', orderBy: 'c.at DESC, c.text' };
const TIMED_NOTES: KeyedRowsSpec = { ...NOTES, columns: { text: 'c.text', at: 'c.at', seenAt: 'c.seen_at' } };
interface TimedNote { text: string; at: Date; seenAt: Date | null }
interface Author { fullName: string; since: Date }
/** A port's join onto the note's person, offering JSON pairs as accounts' `usersJoin` does. */
const AUTHOR: RowJoin<Author> = {
  alias: 'a',
  join: 'JOIN rk_people a ON a.id = c.person_id',
  select: `a.full_name AS "a.fullName", a.since AS "a.since"`,
  read: joinedReader<Author>('a', ['fullName', 'since'], 'fullName'),
  json: { outputs: [['a.fullName', 'a.full_name'], ['a.since', jsonTime('a.since')]], times: ['a.since'] },
};

describe('rowsByKey / rowListsByKey: plain rows for a DataLoader batch, in one statement', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const statements: string[] = [];
  const counted = { query: (sql: string, params?: unknown[]) => (statements.push(sql), dataSource.query(sql, params)) };

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await guildhallDataSource(db.url, 2).initialize();
    await dataSource.query(`CREATE TABLE rk_people (id uuid PRIMARY KEY, full_name text NOT NULL, secret text, credits numeric(6,2) NOT NULL, since timestamptz NOT NULL DEFAULT '2025-05-05 05:05:05.5+00')`);
    await dataSource.query(`CREATE TABLE rk_notes (person_id uuid NOT NULL, text text NOT NULL, hidden boolean NOT NULL DEFAULT false, at timestamptz NOT NULL, seen_at timestamptz)`);
    await dataSource.query(`INSERT INTO rk_people VALUES ($1, 'Ada', 'x', 1.50), ($2, 'Ben', 'y', 0)`, [A, B]);
    await dataSource.query(
      `INSERT INTO rk_notes VALUES ($1, 'old', false, '2026-01-01', NULL), ($1, 'new', false, '2026-02-01 10:11:12.345678+02', '1969-07-20 20:17:40.999+00'),
                                   ($1, 'hidden', true, '2026-03-01', NULL), ($2, 'only', false, '2026-01-01', NULL)`,
      [A, B],
    );
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('rowsByKey: one row per key, aligned with the keys (undefined where none), only the named columns, as plain objects', async () => {
    statements.length = 0;
    const rows = await rowsByKey<{ id: string; fullName: string; credits: number }>(counted, PEOPLE, [B, NONE, A]);
    expect(statements).toHaveLength(1);
    expect(rows).toEqual([{ id: B, fullName: 'Ben', credits: 0 }, undefined, { id: A, fullName: 'Ada', credits: 1.5 }]);
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
  });

  it('rowListsByKey: every row of each key in the spec\'s order and condition, empty lists where none', async () => {
    statements.length = 0;
    expect(await rowListsByKey<{ text: string }>(counted, NOTES, [A, NONE, B])).toEqual([[{ text: 'new' }, { text: 'old' }], [], [{ text: 'only' }]]);
    expect(statements).toHaveLength(1);
  });

  it('asks nothing for no keys; refuses names that are not plain identifiers', async () => {
    statements.length = 0;
    expect(await rowsByKey(counted, PEOPLE, [])).toEqual([]);
    expect(await rowListsByKey(counted, NOTES, [])).toEqual([]);
    expect(statements).toHaveLength(0);
    await expect(rowsByKey(counted, { ...PEOPLE, keyColumn: 'id; DROP TABLE rk_people' }, [A])).rejects.toThrow('not a plain SQL identifier');
    await expect(rowsByKey(counted, { ...PEOPLE, columns: { 'a"b': 'c.id' } }, [A])).rejects.toThrow('not a usable output name');
  });

  it('rowListJson: the same rows as rowListsByKey inside the parent\'s statement, times as Dates again (null kept)', async () => {
    const notes = rowListJson<TimedNote>(TIMED_NOTES, 'p.id', ['at', 'seenAt']);
    const parents: Array<{ id: string; notes: unknown }> = await dataSource.query(
      `SELECT p.id, ${notes.sql} AS notes FROM (VALUES ($1::uuid), ($2::uuid), ($3::uuid)) p(id) ORDER BY p.id = $1 DESC, p.id = $2 DESC`,
      [A, NONE, B],
    );
    const separately = await rowListsByKey<TimedNote>(counted, TIMED_NOTES, [A, NONE, B]);
    expect(parents.map((p) => notes.read(p.notes))).toEqual(separately);
    expect(separately[0][0].at).toEqual(new Date('2026-02-01T08:11:12.345Z'));
    expect(separately[0][0].seenAt).toEqual(new Date('1969-07-20T20:17:40.999Z'));
    expect(separately[0][1].seenAt).toBeNull();
    expect(separately[1]).toEqual([]);
    expect(() => rowListJson(TIMED_NOTES, 'p.id OR true', [])).toThrow('not a plain alias.column reference');
  });

  it("rowListJson with a port's join: each row carries the joined outputs under the port's names, its times as Dates", async () => {
    const notes = rowListJson<TimedNote & Record<string, unknown>>(TIMED_NOTES, 'p.id', ['at', 'seenAt'], [AUTHOR]);
    const withAuthor = rowWithJoins<TimedNote & { author: Author }>(['text', 'at', 'seenAt'], { author: AUTHOR });
    const parents: Array<{ notes: unknown }> = await dataSource.query(`SELECT ${notes.sql} AS notes FROM (VALUES ($1::uuid), ($2::uuid)) p(id) ORDER BY p.id = $1 DESC`, [A, B]);
    const lists = parents.map((p) => notes.read(p.notes).map(withAuthor));
    const since = new Date('2025-05-05T05:05:05.500Z');
    expect(lists).toEqual([
      [
        { text: 'new', at: new Date('2026-02-01T08:11:12.345Z'), seenAt: new Date('1969-07-20T20:17:40.999Z'), author: { fullName: 'Ada', since } },
        { text: 'old', at: new Date('2026-01-01T00:00:00.000Z'), seenAt: null, author: { fullName: 'Ada', since } },
      ],
      [{ text: 'only', at: new Date('2026-01-01T00:00:00.000Z'), seenAt: null, author: { fullName: 'Ben', since } }],
    ]);
    expect(() => rowListJson(TIMED_NOTES, 'p.id', [], [{ ...AUTHOR, json: undefined }])).toThrow('offers no JSON outputs');
  });

  it('rowListJson sends an output once when a join offers the same SQL (its key, as the column it is joined on)', async () => {
    const byPerson: RowJoin<{ id: string; fullName: string }> = {
      alias: 'a',
      join: 'JOIN rk_people a ON a.id = c.person_id',
      select: '',
      read: joinedReader('a', ['id', 'fullName'], 'id'),
      json: { outputs: [['a.id', 'c.person_id'], ['a.fullName', 'a.full_name']], times: [] },
    };
    const notes = rowListJson<{ personId: string; text: string; 'a.id': string; 'a.fullName': string }>(
      { ...NOTES, columns: { personId: 'c.person_id', text: 'c.text' } },
      'p.id',
      [],
      [byPerson],
    );
    expect(/json_build_array\(([^)]*)\)/.exec(notes.sql)?.[1]).toBe('c.person_id, c.text, a.full_name');
    const [row]: Array<{ notes: unknown }> = await dataSource.query(`SELECT ${notes.sql} AS notes FROM (VALUES ($1::uuid)) p(id)`, [B]);
    expect(notes.read(row.notes)).toEqual([{ personId: B, text: 'only', 'a.id': B, 'a.fullName': 'Ben' }]);
  });

  it('rowListJson with parentKeyAs: the parent\'s key is not sent with each row, read sets it from the parent', async () => {
    const spec: KeyedRowsSpec = { ...NOTES, columns: { personId: 'c.person_id', text: 'c.text' } };
    const notes = rowListJson<{ personId: string; text: string }>(spec, 'p.id', [], [], { parentKeyAs: 'personId' });
    expect(/json_build_array\(([^)]*)\)/.exec(notes.sql)?.[1]).toBe('c.text');
    const parents: Array<{ id: string; notes: unknown }> = await dataSource.query(
      `SELECT p.id, ${notes.sql} AS notes FROM (VALUES ($1::uuid), ($2::uuid)) p(id) ORDER BY p.id = $1 DESC`,
      [A, B],
    );
    expect(parents.map((p) => notes.read(p.notes, p.id))).toEqual(await rowListsByKey(counted, spec, [A, B]));
    expect(() => notes.read(parents[0].notes)).toThrow('needs the parent');
    expect(() => rowListJson(spec, 'p.id', [], [], { parentKeyAs: 'text' })).toThrow('not the key column c.person_id');
  });

  it('rowListJson nested in another (each list its own alias), its condition using the parent statement\'s parameters', async () => {
    // Each person's notes inside the people's list: the inner list names the outer row (`c.id`) under its own alias `n`.
    const notesOf = rowListJson<TimedNote>(
      { table: 'rk_notes', alias: 'n', keyColumn: 'person_id', columns: { text: 'n.text', at: 'n.at', seenAt: 'n.seen_at' }, where: 'NOT n.hidden AND n.text <> $2', orderBy: 'n.at DESC' },
      'c.id',
      ['at', 'seenAt'],
    );
    const people = rowListJson<{ fullName: string; notes: unknown }>({ ...PEOPLE, columns: { fullName: 'c.full_name', notes: notesOf.sql }, orderBy: 'c.full_name' }, 'p.id', []);
    const [row]: Array<{ people: unknown }> = await dataSource.query(`SELECT ${people.sql} AS people FROM (VALUES ($1::uuid)) p(id)`, [A, 'old']);
    const read = people.read(row.people).map((person) => ({ ...person, notes: notesOf.read(person.notes) }));
    expect(read).toEqual([{ fullName: 'Ada', notes: [{ text: 'new', at: new Date('2026-02-01T08:11:12.345Z'), seenAt: new Date('1969-07-20T20:17:40.999Z') }] }]);
    // The alias is checked like the other names.
    expect(() => rowListJson({ ...NOTES, alias: 'n; DROP TABLE rk_notes' }, 'p.id', [])).toThrow('not a plain SQL identifier');
  });
});
