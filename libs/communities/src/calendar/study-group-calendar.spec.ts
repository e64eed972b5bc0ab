import { describe, expect, it } from '@jest/globals';
import { expandSeries, parseCalendar } from '../../../../test/utils/ical-expand.js';
import { createRandom } from '../../../../test/utils/random.js';
import { addDays } from '../schedule/local-date.js';
import { occurrenceOn, upcomingOccurrences, type Cadence, type Schedule } from '../schedule/meeting-schedule.js';
import { wallClockKind } from '../schedule/zoned-time.js';
import { foldLine } from '../../../core/src/index.js';
import { studyGroupCalendar, type CalendarException } from './study-group-calendar.js';

const NOW = new Date('2026-02-01T12:00:00Z');
const group = (schedule: Schedule) => ({ id: '6f1c1d7e-0000-4000-8000-000000000001', name: 'Exam prep', topic: 'CFA Level I', description: null, schedule });

describe('study group calendar (.ics), read back with ical.js', () => {
  it('writes valid content lines: escaped text, folded at 75 octets without splitting characters', () => {
    const name = 'Lesekreis: Kafka, Mann; Zweig — «Die Welt von Gestern» 📚 ' + 'ü'.repeat(60);
    const text = studyGroupCalendar(
      { ...group({ cadence: 'WEEKLY', weekday: 2, weekOfMonth: null, localTime: '19:00', timezone: 'Europe/Berlin', durationMinutes: 90, startsOn: '2026-01-01', endsOn: null }), name, description: 'Line one\nLine two, with \\ backslash' },
      [],
      NOW,
    );
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text.endsWith('\r\n')).toBe(true);
    const event = parseCalendar(text).getFirstSubcomponent('vevent')!;
    expect(event.getFirstPropertyValue('summary')).toBe(name);
    expect(event.getFirstPropertyValue('description')).toBe('CFA Level I\n\nLine one\nLine two, with \\ backslash');
    expect(foldLine('é'.repeat(80)).every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
  });

  it('one recurring VEVENT with RRULE in the group\'s TZID, a VTIMEZONE, EXDATE for cancelled and RECURRENCE-ID for moved meetings', () => {
    const schedule: Schedule = { cadence: 'WEEKLY', weekday: 2, weekOfMonth: null, localTime: '19:00', timezone: 'Europe/Berlin', durationMinutes: 90, startsOn: '2026-01-01', endsOn: '2026-06-30' };
    const cancelled = occurrenceOn(schedule, '2026-03-24');
    const moved = occurrenceOn(schedule, '2026-03-31');
    const exceptions: CalendarException[] = [
      { ...cancelled, cancelled: true },
      { occurrenceDate: moved.occurrenceDate, cancelled: false, startsAt: new Date('2026-04-01T16:30:00Z'), endsAt: new Date('2026-04-01T18:00:00Z') },
    ];
    const text = studyGroupCalendar(group(schedule), exceptions, NOW);
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20260106T190000\r\n');
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20260630T215959Z\r\n');
    expect(text).toContain('EXDATE;TZID=Europe/Berlin:20260324T190000\r\n');
    expect(text).toContain('RECURRENCE-ID;TZID=Europe/Berlin:20260331T190000\r\n');
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n');
    const series = expandSeries(text, 100, NOW);
    const starts = series.map((o) => o.start.toISOString());
    expect(starts).not.toContain(cancelled.startsAt.toISOString());
    expect(starts).toContain('2026-04-01T16:30:00.000Z');
    expect(starts).not.toContain(moved.startsAt.toISOString());
    expect(starts[starts.length - 1]).toBe('2026-06-30T17:00:00.000Z');
    // Both sides of the change: 18:00Z in winter, 17:00Z in summer, always 19:00 in Berlin.
    expect(starts).toEqual(expect.arrayContaining(['2026-03-17T18:00:00.000Z', '2026-04-07T17:00:00.000Z']));
  });

  const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Auckland', 'Asia/Kolkata', 'Europe/London'];

  it('property: ical.js expands the series to exactly our meetings, moves and cancellations included, across DST in many zones', () => {
    const random = createRandom(2026);
    for (let i = 0; i < 120; i++) {
      const timezone = ZONES[i % ZONES.length];
      const cadence = random.pick<Cadence>(['WEEKLY', 'BIWEEKLY', 'MONTHLY']);
      const startsOn = addDays('2025-06-01', random.int(0, 900));
      const schedule: Schedule = {
        cadence,
        weekday: random.int(1, 7),
        weekOfMonth: cadence === 'MONTHLY' ? random.pick([1, 2, 3, 4, -1]) : null,
        localTime: `${String(random.int(0, 23)).padStart(2, '0')}:${random.pick(['00', '30', '45'])}`,
        timezone,
        durationMinutes: random.int(30, 180),
        startsOn,
        endsOn: random.chance(0.3) ? addDays(startsOn, random.int(30, 900)) : null,
      };
      const after = new Date(Date.UTC(2025, 5, 1) + random.int(0, 600) * 86_400_000);
      const ours = upcomingOccurrences(schedule, after, 30);
      const exceptions: CalendarException[] = [];
      for (const o of ours) {
        const roll = random.next();
        if (roll < 0.1) exceptions.push({ ...o, cancelled: true });
        else if (roll < 0.2) {
          const startsAt = new Date(o.startsAt.getTime() + random.int(-48, 48) * 1_800_000);
          if (startsAt.getTime() > after.getTime() && wallClockKind(timezone, { date: startsAt.toISOString().slice(0, 10), time: '12:00' }) === 'normal') {
            exceptions.push({ occurrenceDate: o.occurrenceDate, cancelled: false, startsAt, endsAt: new Date(startsAt.getTime() + schedule.durationMinutes * 60_000) });
          }
        }
      }
      const text = studyGroupCalendar(group(schedule), exceptions, after);
      const expanded = expandSeries(text, 200, after);
      const byRecurrence = new Map(expanded.map((o) => [o.recurrenceId.getTime(), o]));

      let compared = 0;
      for (const o of ours) {
        // ical.js resolves wall-clock times in a DST gap or overlap differently from RFC 5545; we
        // follow the RFC (tested in meeting-schedule.spec.ts), so those few are not compared here.
        if (wallClockKind(timezone, { date: o.occurrenceDate, time: schedule.localTime }) !== 'normal') continue;
        const exception = exceptions.find((e) => e.occurrenceDate === o.occurrenceDate);
        const got = byRecurrence.get(o.startsAt.getTime());
        if (exception?.cancelled) {
          expect(got).toBeUndefined();
          continue;
        }
        const want = exception ?? o;
        expect({ date: o.occurrenceDate, start: got?.start.toISOString(), end: got?.end.toISOString() }).toEqual({
          date: o.occurrenceDate,
          start: want.startsAt.toISOString(),
          end: want.endsAt.toISOString(),
        });
        compared++;
      }
      // Nothing extra or missing: as many meetings up to our last one (a day's margin for DST edge cases).
      const last = ours.length ? ours[ours.length - 1].startsAt.getTime() + 86_400_000 : 0;
      const kept = ours.filter((o) => !exceptions.some((e) => e.occurrenceDate === o.occurrenceDate && e.cancelled)).length;
      expect(expanded.filter((o) => o.recurrenceId.getTime() <= last).length).toBe(kept);
      if (ours.length > 5) expect(compared).toBeGreaterThan(0);
    }
  });
});
