import { describe, expect, it } from '@jest/globals';
import { joinedReader, rowWithJoins, rememberedByKey } from './row-join.js';

const person = { read: joinedReader<{ id: string; name: string }>('p', ['id', 'name'], 'id') };
const coach = { read: joinedReader<{ id: string; name: string }>('c', ['id', 'name'], 'id') };

describe('rowWithJoins: a result row split into its own fields and the objects joined into it', () => {
  it('copies the named fields and reads each join into its key; a LEFT JOIN that found none gives undefined', () => {
    const split = rowWithJoins<Record<string, unknown>>(['id', 'status', 'checkIns'], { person, coach });
    const row = { id: 'r1', status: 'ACTIVE', checkIns: [1], 'p.id': 'u1', 'p.name': 'Ada', 'c.id': null, 'c.name': null, stray: 'x' };
    expect(split(row)).toEqual({ id: 'r1', status: 'ACTIVE', checkIns: [1], person: { id: 'u1', name: 'Ada' }, coach: undefined });
    expect(split(row)).not.toHaveProperty('stray');
    expect(split({ id: 'r2', status: 'ENDED', 'p.id': 'u2', 'p.name': 'Bo' })).toEqual({ id: 'r2', status: 'ENDED', checkIns: undefined, person: { id: 'u2', name: 'Bo' }, coach: undefined });
  });
});

describe('rememberedByKey', () => {
  it('builds once per key and hands back the same value for the same key', () => {
    const built: string[][] = [];
    const joinFor = rememberedByKey((fields: string[]) => fields.join(','), (fields) => (built.push(fields), { select: fields.join(' ') }));
    const first = joinFor(['id', 'name']);
    expect(joinFor(['id', 'name'])).toBe(first);
    expect(joinFor(['id'])).not.toBe(first);
    expect(built).toEqual([['id', 'name'], ['id']]);
  });
});
