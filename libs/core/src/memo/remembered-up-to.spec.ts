import { describe, expect, it } from '@jest/globals';
import { rememberedUpTo } from './remembered-up-to.js';

describe('rememberedUpTo', () => {
  it('computes each key once, undefined results included, and starts afresh when full', () => {
    const computed: number[] = [];
    const half = rememberedUpTo(2, (n: number) => (computed.push(n), n === 0 ? undefined : n / 2));
    expect([half(4), half(4), half(0), half(0)]).toEqual([2, 2, undefined, undefined]);
    expect(computed).toEqual([4, 0]);
    expect(half(6)).toBe(3); // the third key: the map was emptied first
    expect(half(4)).toBe(2);
    expect(computed).toEqual([4, 0, 6, 4]);
  });

  it('does not remember a key whose computation throws', () => {
    let calls = 0;
    const failing = rememberedUpTo(10, (key: string) => {
      calls += 1;
      throw new Error(`no ${key}`);
    });
    expect(() => failing('a')).toThrow('no a');
    expect(() => failing('a')).toThrow('no a');
    expect(calls).toBe(2);
  });
});
