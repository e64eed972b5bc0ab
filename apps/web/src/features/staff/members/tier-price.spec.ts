import { describe, expect, it } from '@jest/globals';
import { fromMinorUnits, isCurrency, toMinorUnits } from './tier-price.js';

describe('tier prices in minor units', () => {
  it('reads major units with the currency’s decimals', () => {
    expect(toMinorUnits('120', 'EUR')).toBe(12_000);
    expect(toMinorUnits(' 120.5 ', 'EUR')).toBe(12_050);
    expect(toMinorUnits('0.99', 'USD')).toBe(99);
    expect(toMinorUnits('5000', 'JPY')).toBe(5000);
    expect(toMinorUnits('1.234', 'KWD')).toBe(1234);
  });

  it('refuses negatives, too many decimals, words and unknown currencies', () => {
    expect(toMinorUnits('-1', 'EUR')).toBeNull();
    expect(toMinorUnits('1.234', 'EUR')).toBeNull();
    expect(toMinorUnits('10.5', 'JPY')).toBeNull();
    expect(toMinorUnits('ten', 'EUR')).toBeNull();
    expect(toMinorUnits('10', 'eur')).toBeNull();
    expect(isCurrency('XYZ1')).toBe(false);
  });

  it('writes minor units back in the typed form', () => {
    expect(fromMinorUnits(12_050, 'EUR')).toBe('120.50');
    expect(fromMinorUnits(5, 'USD')).toBe('0.05');
    expect(fromMinorUnits(5000, 'JPY')).toBe('5000');
  });
});
