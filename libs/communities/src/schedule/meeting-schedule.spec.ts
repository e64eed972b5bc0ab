import { describe, expect, it } from '@jest/globals';
import { createRandom } from '../../../../test/utils/random.js';
import { addDays, isoWeekday, nthWeekdayOfMonth, toEpochDay } from './local-date.js';
import { monthlyOrdinal, occurrencesBetween, upcomingOccurrences, type Cadence, type Schedule } from './meeting-schedule.js';
import { earliestInstantOn, instantToLocal, localNow, localToInstant, offsetAt, wallClockKind } from './zoned-time.js';

const HOUR = 3_600_000;
const weekly = (timezone: string, weekday: number, localTime = '19:00'): Schedule => ({
  cadence: 'WEEKLY', weekday, weekOfMonth: null, localTime, timezone, durationMinutes: 90, startsOn: '2026-01-01', endsOn: null,
});
const utc = (dates: Array<{ startsAt: Date }>) => dates.map((o) => o.startsAt.toISOString());

describe('meeting schedule across daylight-saving changes', () => {
  it('Europe/Berlin: a Tuesday 19:00 meeting stays at 19:00 local when clocks go forward and back', () => {
    const s = weekly('Europe/Berlin', 2);
    expect(utc(occurrencesBetween(s, '2026-03-24', '2026-03-31'))).toEqual(['2026-03-24T18:00:00.000Z', '2026-03-31T17:00:00.000Z']);
    expect(utc(occurrencesBetween(s, '2026-10-20', '2026-10-27'))).toEqual(['2026-10-20T17:00:00.000Z', '2026-10-27T18:00:00.000Z']);
  });

  it('America/New_York: 19:00 local is midnight UTC in winter and 23:00 UTC in summer', () => {
    const s = weekly('America/New_York', 4);
    expect(utc(occurrencesBetween(s, '2026-03-05', '2026-03-12'))).toEqual(['2026-03-06T00:00:00.000Z', '2026-03-12T23:00:00.000Z']);
    expect(utc(occurrencesBetween(s, '2026-10-29', '2026-11-05'))).toEqual(['2026-10-29T23:00:00.000Z', '2026-11-06T00:00:00.000Z']);
  });

  it('Australia/Sydney (southern hemisphere): summer time ends in April and starts in October', () => {
    const s = weekly('Australia/Sydney', 1);
    expect(utc(occurrencesBetween(s, '2026-03-30', '2026-04-06'))).toEqual(['2026-03-30T08:00:00.000Z', '2026-04-06T09:00:00.000Z']);
    expect(utc(occurrencesBetween(s, '2026-09-28', '2026-10-05'))).toEqual(['2026-09-28T09:00:00.000Z', '2026-10-05T08:00:00.000Z']);
  });

  it('reads a skipped wall-clock time with the offset before the gap, and a repeated one as its first occurrence (RFC 5545 3.3.5)', () => {
    // Berlin springs forward at 02:00 on 2026-03-29: 02:30 does not exist and means 03:30 CEST.
    expect(localToInstant('Europe/Berlin', { date: '2026-03-29', time: '02:30' }).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // Falls back at 03:00 on 2026-10-25: 02:30 happens twice; the first is 02:30 CEST.
    expect(localToInstant('Europe/Berlin', { date: '2026-10-25', time: '02:30' }).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(localToInstant('America/New_York', { date: '2026-11-01', time: '01:30' }).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(localToInstant('Australia/Sydney', { date: '2026-04-05', time: '02:30' }).toISOString()).toBe('2026-04-04T15:30:00.000Z');
    expect(localToInstant('Australia/Sydney', { date: '2026-10-04', time: '02:30' }).toISOString()).toBe('2026-10-03T16:30:00.000Z');
  });

  it('MONTHLY keeps to the nth (or last) weekday of each month', () => {
    const s: Schedule = { ...weekly('Europe/Berlin', 3), cadence: 'MONTHLY', weekOfMonth: -1, startsOn: '2026-01-01' };
    expect(occurrencesBetween(s, '2026-01-01', '2026-06-30').map((o) => o.occurrenceDate)).toEqual([
      '2026-01-28', '2026-02-25', '2026-03-25', '2026-04-29', '2026-05-27', '2026-06-24',
    ]);
    // With no week given, the week of the first such weekday on or after startsOn.
    expect(monthlyOrdinal({ weekOfMonth: null, weekday: 2, startsOn: '2026-01-08' })).toBe(2);
    expect(monthlyOrdinal({ weekOfMonth: null, weekday: 5, startsOn: '2026-01-29' })).toBe(-1);
  });

  const ZONES = [
    'Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe', 'America/Santiago',
    'Pacific/Auckland', 'Europe/London', 'Asia/Kolkata', 'America/Sao_Paulo', 'Asia/Tehran', 'UTC',
  ];

  /** The series by brute force: walk every day and keep those the rule names. */
  function bruteForceDates(s: Schedule, until: string): string[] {
    const dates: string[] = [];
    const ordinal = monthlyOrdinal(s);
    let first: string | null = null;
    for (let d = s.startsOn; d <= until && (s.endsOn === null || d <= s.endsOn); d = addDays(d, 1)) {
      if (isoWeekday(d) !== s.weekday) continue;
      if (s.cadence === 'MONTHLY') {
        if (nthWeekdayOfMonth(Number(d.slice(0, 4)), Number(d.slice(5, 7)), s.weekday, ordinal) === d) dates.push(d);
        continue;
      }
      first ??= d;
      if ((toEpochDay(d) - toEpochDay(first)) % (s.cadence === 'BIWEEKLY' ? 14 : 7) === 0) dates.push(d);
    }
    return dates;
  }

  it('property: in many zones, every meeting is on the rule\'s date at the wall-clock time, none skipped or added', () => {
    const random = createRandom(42);
    const crossed = new Map<string, number>();
    for (let i = 0; i < 400; i++) {
      const timezone = ZONES[i % ZONES.length];
      const cadence = random.pick<Cadence>(['WEEKLY', 'BIWEEKLY', 'MONTHLY']);
      const startsOn = addDays('2024-01-01', random.int(0, 6 * 365));
      const s: Schedule = {
        cadence,
        weekday: random.int(1, 7),
        weekOfMonth: cadence === 'MONTHLY' ? random.pick([1, 2, 3, 4, -1, null]) : null,
        localTime: `${String(random.int(0, 23)).padStart(2, '0')}:${random.pick(['00', '15', '30', '45'])}`,
        timezone,
        durationMinutes: random.int(15, 240),
        startsOn,
        endsOn: random.chance(0.3) ? addDays(startsOn, random.int(0, 700)) : null,
      };
      const after = new Date(Date.UTC(2024, 0, 1) + random.int(0, 7 * 365) * 86_400_000);
      const upcoming = upcomingOccurrences(s, after, 40);
      const until = upcoming.length ? upcoming[upcoming.length - 1].occurrenceDate : addDays(startsOn, 800);
      const expected = bruteForceDates(s, until).filter((d) => localToInstant(timezone, { date: d, time: s.localTime }).getTime() + s.durationMinutes * 60_000 > after.getTime());
      expect(upcoming.map((o) => o.occurrenceDate)).toEqual(expected.slice(0, 40));

      for (const [index, o] of upcoming.entries()) {
        expect(o.endsAt.getTime() - o.startsAt.getTime()).toBe(s.durationMinutes * 60_000);
        expect(o.endsAt.getTime()).toBeGreaterThan(after.getTime());
        const wall = { date: o.occurrenceDate, time: s.localTime };
        const kind = wallClockKind(timezone, wall);
        const local = instantToLocal(timezone, o.startsAt);
        if (kind === 'normal') {
          expect(local).toEqual(wall);
        } else if (kind === 'overlap') {
          expect(local).toEqual(wall);
          // The first of the two: an hour (or the size of the change) earlier is still the same date's wall clock before the change.
          expect(offsetAt(timezone, o.startsAt.getTime())).toBeGreaterThan(offsetAt(timezone, o.startsAt.getTime() + 6 * HOUR));
        } else {
          // Skipped: read with the offset before the gap, so the meeting starts the gap's length later.
          const before = offsetAt(timezone, o.startsAt.getTime() - 6 * HOUR);
          expect(o.startsAt.getTime()).toBe(localToInstant('UTC', wall).getTime() - before * 60_000);
        }
        const previous = upcoming[index - 1];
        if (previous && cadence === 'WEEKLY') {
          const gap = o.startsAt.getTime() - previous.startsAt.getTime();
          if (gap !== 7 * 24 * HOUR) crossed.set(timezone, (crossed.get(timezone) ?? 0) + 1);
        }
      }
    }
    // The runs did cross changes (weeks of 167 or 169 hours) in the zones that have them.
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe', 'Pacific/Auckland']) expect(crossed.get(zone)).toBeGreaterThan(0);
    for (const zone of ['Asia/Kolkata', 'UTC']) expect(crossed.get(zone)).toBeUndefined();
  });
});

describe('earliestInstantOn', () => {
  it('is no later than midnight of that date in the zones furthest east and west, today and in their local-mean-time past', () => {
    // Kiritimati is UTC+14 today; Manila kept LMT -15:56 and Sitka +14:58 before their calendars moved (1844, 1867).
    const cases: Array<[string, string]> = [
      ['Pacific/Kiritimati', '2026-06-01'], ['Etc/GMT-14', '2026-06-01'], ['Pacific/Pago_Pago', '2026-06-01'],
      ['Asia/Manila', '1840-06-01'], ['America/Sitka', '1860-06-01'], ['UTC', '2026-06-01'],
    ];
    for (const [zone, date] of cases) {
      expect(earliestInstantOn(date)).toBeLessThanOrEqual(localToInstant(zone, { date, time: '00:00' }).getTime());
    }
    // Not a day too early either: the bound stays within a day and a little of the date itself.
    expect(localToInstant('Pacific/Kiritimati', { date: '2026-06-01', time: '00:00' }).getTime() - earliestInstantOn('2026-06-01')).toBe(10 * HOUR);
  });
});

describe('localNow (the offset remembered for the rest of the UTC hour)', () => {
  it('agrees with instantToLocal minute by minute across changes that fall on and off the hour, zones interleaved', () => {
    // St John's changes at 05:30 UTC (02:00 local, -03:30); Kathmandu moved from +05:30 to +05:45 at 1985-12-31 18:30 UTC;
    // Berlin and New York change on the hour.
    const windows: Array<[string, string]> = [
      ['America/St_Johns', '2026-03-08T05:30:00Z'], ['America/St_Johns', '2026-11-01T04:30:00Z'],
      ['Asia/Kathmandu', '1985-12-31T18:30:00Z'], ['Europe/Berlin', '2026-03-29T01:00:00Z'], ['America/New_York', '2026-11-01T06:00:00Z'],
    ];
    for (const [zone, change] of windows) {
      const at = Date.parse(change);
      for (let t = at - 2 * HOUR; t <= at + 2 * HOUR; t += 60_000) {
        const now = new Date(t);
        expect([zone, now.toISOString(), localNow(zone, now)]).toEqual([zone, now.toISOString(), instantToLocal(zone, now)]);
        expect(localNow('Asia/Kolkata', now)).toEqual(instantToLocal('Asia/Kolkata', now));
      }
    }
  });
});
