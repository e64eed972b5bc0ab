import { describe, expect, it } from '@jest/globals';
import { likePrefix, toPrefixTsQuery } from './search-terms.js';

describe('toPrefixTsQuery', () => {
  it('keeps letters and digits as prefix terms joined by AND', () => {
    expect(toPrefixTsQuery('Data  sci')).toBe('data:* & sci:*');
    expect(toPrefixTsQuery('Zoë Ångström')).toBe('zoë:* & ångström:*');
  });

  it('drops tsquery syntax and SQL alike', () => {
    expect(toPrefixTsQuery("x') | !y & (z:* <-> 'w")).toBe('x:* & y:* & z:* & w:*');
    expect(toPrefixTsQuery("'; DROP TABLE users; --")).toBe('drop:* & table:* & users:*');
  });

  it('gives nothing for empty or punctuation-only text', () => {
    expect(toPrefixTsQuery('')).toBeUndefined();
    expect(toPrefixTsQuery('  !!! ')).toBeUndefined();
  });

  it('escapes LIKE wildcards', () => {
    expect(likePrefix('50%_off\\')).toBe('50\\%\\_off\\\\%');
  });
});
