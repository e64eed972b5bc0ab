import { describe, expect, it } from '@jest/globals';
import { dayEnd, dayStart } from './cohort-dates.js';

describe('cohort form days', () => {
  it('starts a day at local midnight and ends it at the next one', () => {
    const start = new Date(dayStart('2027-03-01')!);
    expect([start.getFullYear(), start.getMonth(), start.getDate(), start.getHours(), start.getMinutes()]).toEqual([2027, 2, 1, 0, 0]);
    const end = new Date(dayEnd('2027-03-01')!);
    expect([end.getFullYear(), end.getMonth(), end.getDate(), end.getHours()]).toEqual([2027, 2, 2, 0]);
  });

  it('refuses empty, malformed and impossible days', () => {
    expect(dayStart('')).toBeNull();
    expect(dayStart('01/03/2027')).toBeNull();
    expect(dayStart('2027-02-30')).toBeNull();
    expect(dayEnd('2027-13-01')).toBeNull();
  });
});
