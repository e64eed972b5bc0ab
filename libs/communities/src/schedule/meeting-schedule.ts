import { addDays, compareDates, isoWeekday, nthWeekdayOfMonth, toEpochDay } from './local-date.js';
import { instantToLocal, localToInstant } from './zoned-time.js';

export type Cadence = 'WEEKLY' | 'BIWEEKLY' | 'MONTHLY';

/** A group's meeting rhythm, in its own time zone. Pure data: the rules below never read a clock. */
export interface Schedule {
  cadence: Cadence;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** MONTHLY only: which `weekday` of the month, 1..4, or -1 for the last. */
  weekOfMonth: number | null;
  /** Wall-clock start, HH:MM. */
  localTime: string;
  /** IANA zone, e.g. Europe/Berlin. */
  timezone: string;
  durationMinutes: number;
  /** First possible meeting date (YYYY-MM-DD, in the group's zone). */
  startsOn: string;
  /** Last possible meeting date, inclusive; null = open-ended. */
  endsOn: string | null;
}

export interface Occurrence {
  /** The wall-calendar date the series puts this meeting on: its identity in the series. */
  occurrenceDate: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * MONTHLY with no week given: the week of the month of the first `weekday` on or after `startsOn`
 * (a fifth week means "the last"), so the series starts on that day.
 */
export function monthlyOrdinal(schedule: Pick<Schedule, 'weekOfMonth' | 'startsOn' | 'weekday'>): number {
  if (schedule.weekOfMonth !== null) return schedule.weekOfMonth;
  const first = addDays(schedule.startsOn, (schedule.weekday - isoWeekday(schedule.startsOn) + 7) % 7);
  const ordinal = Math.ceil(Number(first.slice(8, 10)) / 7);
  return ordinal >= 5 ? -1 : ordinal;
}

/** The first meeting date of the series, or null when the series ends before it meets at all. */
export function firstOccurrenceDate(schedule: Schedule): string | null {
  return occurrenceDatesFrom(schedule, schedule.startsOn).next().value ?? null;
}

/** Meeting dates on or after `from`, in order, until the series ends. */
export function* occurrenceDatesFrom(schedule: Schedule, from: string): Generator<string, undefined> {
  const start = compareDates(from, schedule.startsOn) > 0 ? from : schedule.startsOn;
  const ended = (date: string) => schedule.endsOn !== null && compareDates(date, schedule.endsOn) > 0;
  if (schedule.cadence === 'MONTHLY') {
    const ordinal = monthlyOrdinal(schedule);
    let year = Number(start.slice(0, 4));
    let month = Number(start.slice(5, 7));
    for (let misses = 0; misses < 24; ) {
      const date = nthWeekdayOfMonth(year, month, schedule.weekday, ordinal);
      if (date && compareDates(date, start) >= 0) {
        if (ended(date)) return undefined;
        misses = 0;
        yield date;
      } else {
        misses++;
      }
      month++;
      if (month > 12) {
        month = 1;
        year++;
      }
    }
    return undefined;
  }
  const step = schedule.cadence === 'BIWEEKLY' ? 14 : 7;
  const first = addDays(schedule.startsOn, (schedule.weekday - isoWeekday(schedule.startsOn) + 7) % 7);
  const behind = toEpochDay(start) - toEpochDay(first);
  let date = behind > 0 ? addDays(first, Math.ceil(behind / step) * step) : first;
  for (;;) {
    if (ended(date)) return undefined;
    yield date;
    date = addDays(date, step);
  }
}

/** Whether the series (as it is now) has a meeting on that date. */
export function isOccurrenceDate(schedule: Schedule, date: string): boolean {
  return occurrenceDatesFrom(schedule, date).next().value === date;
}

/** The meeting the series holds on a date: the wall-clock start in the group's zone (RFC 5545 rules for DST gaps and overlaps). */
export function occurrenceOn(schedule: Schedule, occurrenceDate: string): Occurrence {
  const startsAt = localToInstant(schedule.timezone, { date: occurrenceDate, time: schedule.localTime });
  return { occurrenceDate, startsAt, endsAt: new Date(startsAt.getTime() + schedule.durationMinutes * 60_000) };
}

/** The next `count` meetings that have not ended at `after`. */
export function upcomingOccurrences(schedule: Schedule, after: Date, count: number): Occurrence[] {
  const result: Occurrence[] = [];
  if (count <= 0) return result;
  // Start a day early: a meeting that began yesterday evening local time may still be running.
  const from = addDays(instantToLocal(schedule.timezone, after).date, -1);
  for (const date of occurrenceDatesFrom(schedule, from)) {
    const occurrence = occurrenceOn(schedule, date);
    if (occurrence.endsAt.getTime() <= after.getTime()) continue;
    result.push(occurrence);
    if (result.length >= count) break;
  }
  return result;
}

/** Meetings whose date lies in [from, until] (local dates), at most `limit` of them. */
export function occurrencesBetween(schedule: Schedule, from: string, until: string, limit = 500): Occurrence[] {
  const result: Occurrence[] = [];
  for (const date of occurrenceDatesFrom(schedule, from)) {
    if (compareDates(date, until) > 0 || result.length >= limit) break;
    result.push(occurrenceOn(schedule, date));
  }
  return result;
}
