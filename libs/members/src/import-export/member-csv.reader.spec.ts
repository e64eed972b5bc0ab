import { describe, expect, it } from '@jest/globals';
import { readMemberCsv } from './member-csv.reader.js';
import { escapeFormula, unescapeFormula } from './spreadsheet-formula.js';
import { decodeUtf8 } from './utf8.js';

const HEADER = 'Email, FULL_NAME,tier,status,current_period_end,joined_at';

describe('readMemberCsv', () => {
  it('gives each record the line it starts on, across blank lines and quoted line breaks', () => {
    const table = readMemberCsv(`${HEADER}\na@x.org,A,T,ACTIVE,,\n\n"b@x.org","B\nstill B",T,ACTIVE,,\nc@x.org,C,T,ACTIVE,,\n`);
    expect(table.errors).toEqual([]);
    expect(table.records.map((r) => [r.line, r.cells.email])).toEqual([
      [2, 'a@x.org'],
      [4, 'b@x.org'],
      [6, 'c@x.org'],
    ]);
  });

  it('reports malformed records and wrong field counts, and keeps reading', () => {
    const table = readMemberCsv(`${HEADER}\na@x.org,A,T,ACTIVE,,\nb@x.org,B\nc@x.org,C,T,ACTIVE,,\n`);
    expect(table.errors).toEqual([{ line: 3, column: null, message: 'has 2 fields but the header has 6' }]);
    expect(table.records.map((r) => r.line)).toEqual([2, 4]);
  });

  it('warns about unknown columns and refuses duplicated ones', () => {
    const table = readMemberCsv(`${HEADER},notes,email\na@x.org,A,T,ACTIVE,,,n,b@x.org\n`);
    expect(table.warnings).toEqual([{ line: 1, column: 'notes', message: expect.stringContaining('ignored') }]);
    expect(table.errors).toEqual([{ line: 1, column: 'email', message: 'appears more than once in the header' }]);
  });
});

describe('decodeUtf8', () => {
  it('accepts UTF-8 (dropping a byte-order mark)', () => {
    expect(decodeUtf8(Buffer.from('\uFEFFZoë,Ångström', 'utf8'))).toEqual({ text: 'Zoë,Ångström' });
  });

  it.each([
    ['a Latin-1 byte', [0x5a, 0x6f, 0xeb]],
    ['an overlong encoding', [0xc0, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a truncated sequence', [0xe2, 0x82]],
  ])('refuses %s, naming the line', (_label, bytes) => {
    const result = decodeUtf8(Buffer.concat([Buffer.from('header\nok\n'), Buffer.from(bytes)]));
    expect(result).toEqual({ problems: [{ line: 3, column: null, message: expect.stringContaining('is not valid UTF-8') }] });
  });
});

describe('spreadsheet formula escaping', () => {
  it.each(['=SUM(A1)', '+1', '-x', '@home', 'plain', "'quoted", ''])('round-trips %p', (cell) => {
    expect(unescapeFormula(escapeFormula(cell))).toBe(cell);
  });

  it('defuses cells a spreadsheet would run', () => {
    expect(escapeFormula('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(escapeFormula('Ada')).toBe('Ada');
  });
});
