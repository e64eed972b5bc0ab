import { describe, expect, it } from '@jest/globals';
import { formatMoney } from './format-money.js';

/** Intl puts a no-break space between a currency code and the number. */
const nbsp = (text: string) => text.replace(/ /g, '\u00a0');

describe('formatMoney (minor units, each currency with its own decimals)', () => {
  it('USD and EUR have two decimals', () => {
    expect(formatMoney(1999, 'USD')).toBe('$19.99');
    expect(formatMoney(12345, 'EUR')).toBe('€123.45');
    expect(formatMoney(5, 'usd')).toBe('$0.05');
  });

  it('JPY has none: 500 minor units are ¥500, not ¥5', () => {
    expect(formatMoney(500, 'JPY')).toBe('¥500');
    expect(formatMoney(1_234_567, 'JPY')).toBe('¥1,234,567');
  });

  it('KWD has three: 12345 minor units are 12.345 dinars', () => {
    expect(formatMoney(12345, 'KWD')).toBe(nbsp('KWD 12.345'));
  });

  it('follows the locale for separators and symbol placement', () => {
    expect(formatMoney(123456, 'EUR', 'de-DE')).toBe(nbsp('1.234,56 €'));
  });
});
