import { describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { randomInt } from 'node:crypto';
import { parseTimestamptz, readIsoTimestamptz } from './timestamptz.js';

const pgParser = pg.types.getTypeParser(1184, 'text') as (text: string) => Date | number | null;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const same = (text: string, read: (text: string) => Date | number | null | undefined = parseTimestamptz) => {
  const ours = read(text);
  const theirs = pgParser(text);
  return { text, ours: ours instanceof Date ? ours.getTime() : ours, theirs: theirs instanceof Date ? theirs.getTime() : theirs };
};

describe('parseTimestamptz', () => {
  it('reads PostgreSQL timestamptz text by position as pg own parser does, on 20,000 random values', () => {
    const differences = [];
    for (let n = 0; n < 20_000; n++) {
      const fraction = randomInt(0, 7);
      const zone = [`+00`, `${randomInt(2) ? '+' : '-'}${pad(randomInt(0, 15))}`, `-0${randomInt(0, 10)}:30`, `+00:53:28`, `-04:56:02`][randomInt(0, 5)];
      const text =
        `${pad(randomInt(100, 10_000), 4)}-${pad(randomInt(1, 13))}-${pad(randomInt(1, 29))} ${pad(randomInt(0, 24))}:${pad(randomInt(0, 60))}:${pad(randomInt(0, 60))}` +
        (fraction ? `.${pad(randomInt(0, 10 ** fraction), fraction)}` : '') +
        zone;
      const result = same(text, readIsoTimestamptz);
      if (result.ours !== result.theirs) differences.push(result);
    }
    expect(differences).toEqual([]);
  });

  it.each(['infinity', '-infinity', '0044-03-15 12:00:00+00 BC', '0099-12-31 23:59:59+00', '12345-01-01 00:00:00+00', '2026-12-07 14:00:00Z', '2026-12-07', 'not a time'])(
    'leaves %s to pg own parser',
    (text) => {
      expect(readIsoTimestamptz(text)).toBeUndefined();
      const result = same(text);
      expect(result.ours).toEqual(result.theirs);
    },
  );
});
