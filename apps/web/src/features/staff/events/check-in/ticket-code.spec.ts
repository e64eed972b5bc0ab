import { describe, expect, it } from '@jest/globals';
import { ticketCodeFrom } from './ticket-code.js';

describe('ticketCodeFrom', () => {
  it('reads the 10-character code a ticket QR holds (or a person types), in capitals', () => {
    expect(ticketCodeFrom('AB12CD34EF')).toBe('AB12CD34EF');
    expect(ticketCodeFrom(' ab12cd34ef\n')).toBe('AB12CD34EF');
  });

  it('refuses anything else a scanner may read (another QR, a link, a short code)', () => {
    expect(ticketCodeFrom('https://example.org/AB12CD34EF')).toBeNull();
    expect(ticketCodeFrom('AB12CD34E')).toBeNull();
    expect(ticketCodeFrom('AB12-CD34E')).toBeNull();
    expect(ticketCodeFrom('')).toBeNull();
  });
});
