import { describe, expect, it } from '@jest/globals';
import { RepeatGate } from './repeat-gate.js';

describe('RepeatGate', () => {
  it('lets the first through, holds back repeats within the interval, then reports how many', () => {
    const gate = new RepeatGate(1000);
    expect(gate.admit('db down', 0)).toBe(0);
    for (let t = 1; t < 1000; t += 100) expect(gate.admit('db down', t)).toBeUndefined();
    expect(gate.admit('other error', 500)).toBe(0);
    expect(gate.admit('db down', 1000)).toBe(10);
    expect(gate.admit('db down', 1001)).toBeUndefined();
  });
});
