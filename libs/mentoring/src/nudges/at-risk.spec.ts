import { describe, expect, it } from '@jest/globals';
import { PairStatus } from '../mentoring.enums.js';
import { isAtRisk } from './at-risk.js';

const DAY = 86_400_000;
const start = new Date('2027-03-01T09:00:00Z');
const at = (days: number) => new Date(start.getTime() + days * DAY);

describe('isAtRisk', () => {
  it('counts 21 days from the start when there is no check-in', () => {
    const pair = { status: PairStatus.ACTIVE, startedAt: start, lastCheckInAt: null };
    expect(isAtRisk(pair, at(20.9))).toBe(false);
    expect(isAtRisk(pair, at(21))).toBe(true);
  });

  it('counts from the latest check-in', () => {
    const pair = { status: PairStatus.ACTIVE, startedAt: start, lastCheckInAt: at(10) };
    expect(isAtRisk(pair, at(30))).toBe(false);
    expect(isAtRisk(pair, at(31))).toBe(true);
  });

  it('an ended pair is never at risk', () => {
    for (const status of [PairStatus.COMPLETED, PairStatus.ENDED_EARLY]) {
      expect(isAtRisk({ status, startedAt: start, lastCheckInAt: null }, at(100))).toBe(false);
    }
  });
});
