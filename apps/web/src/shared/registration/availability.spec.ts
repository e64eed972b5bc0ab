import { describe, expect, it } from '@jest/globals';
import { availability } from './availability.js';

describe('availability', () => {
  it('is a seat while seats are left or none are counted', () => {
    expect(availability({ seatsRemaining: null, waitlistCount: 0, waitlistLimit: 0 })).toBe('seat');
    expect(availability({ seatsRemaining: 1, waitlistCount: 0, waitlistLimit: 0 })).toBe('seat');
  });

  it('is the waitlist once full, while the waitlist has room or no limit', () => {
    expect(availability({ seatsRemaining: 0, waitlistCount: 40, waitlistLimit: null })).toBe('waitlist');
    expect(availability({ seatsRemaining: 0, waitlistCount: 4, waitlistLimit: 5 })).toBe('waitlist');
  });

  it('is sold out when the waitlist is full or the event has none', () => {
    expect(availability({ seatsRemaining: 0, waitlistCount: 5, waitlistLimit: 5 })).toBe('soldOut');
    expect(availability({ seatsRemaining: 0, waitlistCount: 0, waitlistLimit: 0 })).toBe('soldOut');
    // A lowered limit leaves more in the queue than it allows: still sold out to newcomers.
    expect(availability({ seatsRemaining: 0, waitlistCount: 9, waitlistLimit: 5 })).toBe('soldOut');
  });
});
