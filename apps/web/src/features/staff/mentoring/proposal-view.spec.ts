import { describe, expect, it } from '@jest/globals';
import { formatScore, pairKey } from './proposal-view.js';

describe('the matching board', () => {
  it('rounds scores to two decimals', () => {
    expect(formatScore(12.3456, 'en')).toBe('12.35');
    expect(formatScore(7, 'en')).toBe('7');
    expect(formatScore(1234.5, 'en')).toBe('1,234.5');
  });

  it('keys a pair by both applications, in order', () => {
    expect(pairKey('a', 'b')).toBe('a:b');
    expect(pairKey('b', 'a')).not.toBe(pairKey('a', 'b'));
  });
});
