import pg from 'pg';

const TIMESTAMPTZ_OID = 1184;
const defaultParser = pg.types.getTypeParser(TIMESTAMPTZ_OID, 'text') as (text: string) => Date | number | null;

/** The value of `length` decimal digits at `start`, or NaN. */
function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * A `timestamptz` column's text, as PostgreSQL writes it (ISO DateStyle): `2026-12-07 14:00:00.123456+00`,
 * offsets `+05`, `-03:30` or `+00:53:28`. Read by position, without the regular expressions of pg's own parser
 * (postgres-date), which was about 2% of the API's CPU on the lists the bench reads (every row's created_at);
 * the answer is the same Date, computed the same way (a spec compares the two on many values). Anything else
 * (years before 100 or after 9999, BC, infinity, another DateStyle) goes to pg's own parser.
 */
export function parseTimestamptz(text: string): Date | number | null {
  return readIsoTimestamptz(text) ?? defaultParser(text);
}

/** The common case of `parseTimestamptz`, read by position; undefined for anything else. */
export function readIsoTimestamptz(text: string): Date | undefined {
  const length = text.length;
  if (length >= 22 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45 && text.charCodeAt(10) === 32 && text.charCodeAt(13) === 58 && text.charCodeAt(16) === 58) {
    const year = digits(text, 0, 4);
    let i = 19;
    let ms = 0;
    if (text.charCodeAt(i) === 46) {
      let end = i + 1;
      while (end < length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
      ms = 1000 * parseFloat(text.slice(i, end)); // as postgres-date: Date.UTC truncates it
      i = end;
    }
    const sign = text.charCodeAt(i);
    const zone = length - i;
    if (year >= 100 && (sign === 43 || sign === 45) && (zone === 3 || (zone === 6 && text.charCodeAt(i + 3) === 58) || (zone === 9 && text.charCodeAt(i + 3) === 58 && text.charCodeAt(i + 6) === 58))) {
      const offset = digits(text, i + 1, 2) * 3600 + (zone >= 6 ? digits(text, i + 4, 2) * 60 : 0) + (zone === 9 ? digits(text, i + 7, 2) : 0);
      const time = Date.UTC(year, digits(text, 5, 2) - 1, digits(text, 8, 2), digits(text, 11, 2), digits(text, 14, 2), digits(text, 17, 2), ms);
      const value = time - (sign === 45 ? -offset : offset) * 1000;
      if (!Number.isNaN(value)) return new Date(value);
    }
  }
  return undefined;
}

/** For a pg pool's `types`: our timestamptz parser, pg's own for every other type. */
export const poolTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMPTZ_OID && format !== 'binary' ? parseTimestamptz : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};
