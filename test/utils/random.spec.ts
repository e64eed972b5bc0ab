import { describe, expect, it } from '@jest/globals';
import { createRandom } from './random.js';

describe('createRandom (seeded, for tests and benchmarks)', () => {
  it('the same seed gives the same sequence; another seed another one', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRandom(seed).next);
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('int stays within its inclusive bounds and reaches both ends', () => {
    const random = createRandom(7);
    const seen = new Set(Array.from({ length: 500 }, () => random.int(1, 6)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('shuffle and sample keep the items, without repeats', () => {
    const random = createRandom(1);
    const items = ['a', 'b', 'c', 'd', 'e'];
    expect(random.shuffle(items).sort()).toEqual(items);
    const picked = random.sample(items, 3);
    expect(new Set(picked).size).toBe(3);
    expect(random.sample(items, 9).sort()).toEqual(items);
  });
});
