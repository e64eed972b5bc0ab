import { describe, expect, it } from '@jest/globals';
import { MapUpTo } from './map-up-to.js';

describe('MapUpTo', () => {
  it('empties itself before a new key would pass the limit; a key it holds is replaced in place', () => {
    const map = new MapUpTo<string, number>(2);
    map.set('a', 1).set('b', 2);
    map.set('b', 3); // held: replaced, nothing dropped
    expect([...map]).toEqual([
      ['a', 1],
      ['b', 3],
    ]);
    map.set('c', 4); // new, and the map is full: emptied first
    expect([...map]).toEqual([['c', 4]]);
    expect(map.size).toBeLessThanOrEqual(map.limit);
  });
});
