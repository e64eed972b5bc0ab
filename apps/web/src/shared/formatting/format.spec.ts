import { describe, expect, it } from '@jest/globals';
import { formatDateTime, formatEventTime, formatMoney, minorUnitDigits } from './format.js';

describe('the portal formatting module', () => {
  it('reads money as integer minor units of its currency', () => {
    expect(minorUnitDigits('USD')).toBe(2);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('KWD')).toBe(3);
    expect(formatMoney({ amount: 12345, currency: 'USD' }, 'en-US')).toBe('$123.45');
    expect(formatMoney({ amount: 12345, currency: 'JPY' }, 'en-US')).toBe('¥12,345');
    expect(formatMoney({ amount: 12345, currency: 'KWD' }, 'en-US')).toMatch(/^KWD\s12\.345$/);
    expect(formatMoney({ amount: 12345, currency: 'EUR' }, 'de-DE')).toMatch(/^123,45\s€$/);
  });

  it('shows an event time in its zone, and the viewer’s beside it only when the wall clocks differ', () => {
    const iso = '2027-03-27T23:00:00.000Z';
    const ny = formatEventTime(iso, 'America/New_York', { viewerZone: 'Europe/London', locale: 'en-US' });
    expect(ny.event).toMatch(/Sat, Mar 27, 2027, 7:00\sPM EDT/);
    expect(ny.viewer).toMatch(/Sat, Mar 27, 2027, 11:00\sPM GMT/);
    expect(formatEventTime(iso, 'Europe/London', { viewerZone: 'Europe/London', locale: 'en-US' }).viewer).toBeNull();
    // Another zone name on the same clock (Lisbon and London in winter) needs no second time.
    expect(formatEventTime(iso, 'Europe/Lisbon', { viewerZone: 'Europe/London', locale: 'en-US' }).viewer).toBeNull();
    expect(formatDateTime(iso, { timeZone: 'Asia/Tokyo', locale: 'en-US' })).toMatch(/Mar 28, 2027, 8:00\sAM/);
  });
});
