import { describe, expect, it } from '@jest/globals';
import { creditsFor } from './credits-for.js';

describe('creditsFor', () => {
  it.each([
    [60, 1, 1],
    [90, 1.5, 2.25],
    [40, 2, 1.33],
    [45, 0.25, 0.19],
    [5, 0, 0],
    [480, 10, 80],
  ])('%i minutes at %d an hour earn %d', (minutes, rate, credits) => {
    expect(creditsFor(minutes, rate)).toBe(credits);
  });
});
