import { IANAZone } from 'luxon';
import { toEpochDay } from './local-date.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** A wall-clock date and time, without a zone. */
export interface LocalDateTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM (24-hour) */
  time: string;
}

function zoneOf(name: string): IANAZone {
  const zone = IANAZone.create(name);
  if (!zone.isValid) throw new Error(`Unknown time zone ${name}`);
  return zone;
}

/** The zone's offset from UTC at an instant, in minutes (east positive). */
export function offsetAt(zone: string, instant: number): number {
  return zoneOf(zone).offset(instant);
}

function wallClockAsUtc(local: LocalDateTime): number {
  const [y, mo, d] = local.date.split('-').map(Number);
  const [h, mi] = local.time.split(':').map(Number);
  return Date.UTC(y, mo - 1, d, h, mi);
}

/**
 * The instant of a wall-clock time in a zone, as RFC 5545 (3.3.5) defines it:
 * - a time that occurs twice (the hour repeated when clocks go back) means the first of the two;
 * - a time that does not occur (skipped when clocks go forward) is read with the offset from before
 *   the gap, so 02:30 on a spring-forward night becomes 03:30 new time.
 * Luxon alone picks either occurrence depending on the zone, hence this function.
 */
export function localToInstant(zone: string, local: LocalDateTime): Date {
  const z = zoneOf(zone);
  const wall = wallClockAsUtc(local);
  const before = z.offset(wall - DAY);
  const after = z.offset(wall + DAY);
  // No change within a day either side (nearly always): one offset, one answer.
  if (before === after) return new Date(wall - before * MINUTE);
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset * MINUTE)
    .filter((instant) => wall - z.offset(instant) * MINUTE === instant)
    .sort((a, b) => a - b);
  if (candidates.length) return new Date(candidates[0]);
  return new Date(wall - before * MINUTE);
}

/**
 * An instant no later than any wall-clock time on `date` in any zone, worked out without one: that date's UTC
 * midnight less a day (no zone's offset, historical ones included, reaches a day).
 */
export function earliestInstantOn(date: string): number {
  return (toEpochDay(date) - 1) * DAY;
}

/** Per zone, the last UTC hour an offset was asked for, when the zone's offset is the same all through it. */
const hourOffsets = new Map<string, { hour: number; offset: number }>();

/**
 * The zone's offset at an instant, remembered for the rest of its UTC hour when the offset at the hour's first and last
 * millisecond agree (no zone changes offset twice within an hour): `upcomingMeetings` asks for "now" on every request,
 * and luxon answers through Intl's formatToParts (2% of a study group read's CPU). One hour per zone is kept.
 */
function offsetThroughHour(zone: string, instant: number): number {
  const hour = Math.floor(instant / HOUR) * HOUR;
  const known = hourOffsets.get(zone);
  if (known?.hour === hour) return known.offset;
  const z = zoneOf(zone);
  const offset = z.offset(instant);
  if (z.offset(hour) === offset && z.offset(hour + HOUR - 1) === offset) hourOffsets.set(zone, { hour, offset });
  return offset;
}

function wallClockAt(instant: number, offset: number): LocalDateTime {
  const wall = new Date(instant + offset * MINUTE).toISOString();
  return { date: wall.slice(0, 10), time: wall.slice(11, 16) };
}

/** The wall-clock date and time of an instant in a zone (seconds dropped). */
export function instantToLocal(zone: string, instant: Date): LocalDateTime {
  return wallClockAt(instant.getTime(), zoneOf(zone).offset(instant.getTime()));
}

/**
 * instantToLocal for the present (`now`, asked again and again within the hour): the zone's offset is remembered per
 * zone for the rest of the UTC hour. Other instants go through instantToLocal (a miss here costs three lookups).
 */
export function localNow(zone: string, now: Date): LocalDateTime {
  return wallClockAt(now.getTime(), offsetThroughHour(zone, now.getTime()));
}

/** Whether the wall-clock time falls in a gap (does not exist) or an overlap (exists twice) in that zone. */
export function wallClockKind(zone: string, local: LocalDateTime): 'normal' | 'gap' | 'overlap' {
  const z = zoneOf(zone);
  const wall = wallClockAsUtc(local);
  const offsets = [...new Set([z.offset(wall - DAY), z.offset(wall + DAY)])];
  const valid = offsets.filter((offset) => z.offset(wall - offset * MINUTE) === offset);
  if (valid.length === 0) return 'gap';
  return valid.length > 1 ? 'overlap' : 'normal';
}
