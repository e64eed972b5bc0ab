import { describe, expect, it } from '@jest/globals';
import { Kind } from 'graphql';
import { createRandom } from '../../../../test/utils/random.js';
import { DateTimeScalar, isoDateTime } from './date-time.scalar.js';

describe('DateTime scalar (toISOString remembered by instant)', () => {
  it('writes what toISOString writes, first time and remembered, for instants from year -271821 to 275760', () => {
    const random = createRandom(20261207);
    const instants = [0, -1, 8.64e15, -8.64e15, Date.UTC(2026, 11, 7, 9, 30, 34, 321), ...Array.from({ length: 2_000 }, () => Math.round((random.next() - 0.5) * 2 * 8.64e15))];
    for (const instant of instants) {
      const expected = new Date(instant).toISOString();
      expect(isoDateTime(new Date(instant))).toBe(expected);
      expect(DateTimeScalar.serialize(new Date(instant))).toBe(expected);
    }
  });

  it('throws for an invalid date as toISOString does, every time, and answers null for what is not a Date', () => {
    expect(() => isoDateTime(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => isoDateTime(new Date(Number.NaN))).toThrow(RangeError);
    expect(DateTimeScalar.serialize('2026-12-07T00:00:00Z')).toBeNull();
  });

  it('reads input as @nestjs/graphql\'s isoDate scalar does', () => {
    expect(DateTimeScalar.parseValue('2026-12-07T09:30:00Z')).toEqual(new Date('2026-12-07T09:30:00Z'));
    expect(DateTimeScalar.parseLiteral({ kind: Kind.STRING, value: '2026-12-07T09:30:00+01:00' })).toEqual(new Date('2026-12-07T08:30:00Z'));
    expect(DateTimeScalar.parseLiteral({ kind: Kind.INT, value: '5' })).toBeNull();
  });
});
