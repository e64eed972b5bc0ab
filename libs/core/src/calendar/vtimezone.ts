import { DateTime, IANAZone } from 'luxon';
import { formatOffset, formatUtc, IcsWriter } from './ics-writer.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Scan step: offsets never change twice within four days anywhere in the IANA database since 1970. */
const STEP = 4 * DAY;
/** Years of changes to infer yearly rules from, at least. */
const MIN_YEARS = 8;
const BYDAY = ['', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** The zone's offset from UTC at an instant, in minutes east. */
function offsetAt(zone: string, instant: number): number {
  const z = IANAZone.create(zone);
  if (!z.isValid) throw new Error(`Unknown time zone ${zone}`);
  return z.offset(instant);
}

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

export interface Transition {
  /** The instant the offset changes (UTC ms). */
  at: number;
  /** Offsets before and after, in minutes east of UTC. */
  from: number;
  to: number;
}

/** Every offset change in [fromMs, toMs), to the minute (scans in steps, then bisects). */
export function transitionsBetween(zone: string, fromMs: number, toMs: number): Transition[] {
  const found: Transition[] = [];
  let lo = fromMs;
  let loOffset = offsetAt(zone, lo);
  for (let t = fromMs + STEP; t - STEP < toMs; t += STEP) {
    const offset = offsetAt(zone, t);
    if (offset !== loOffset) {
      let a = lo;
      let b = t;
      while (b - a > MINUTE) {
        const mid = a + Math.floor((b - a) / 2 / MINUTE) * MINUTE;
        if (offsetAt(zone, mid) === loOffset) a = mid;
        else b = mid;
      }
      found.push({ at: b, from: loOffset, to: offsetAt(zone, b) });
    }
    lo = t;
    loOffset = offset;
  }
  return found;
}

const cache = new Map<string, Transition[]>();

/** Zones change rarely and scanning costs milliseconds: keep the last few hundred answers. */
function cachedTransitions(zone: string, start: number, end: number): Transition[] {
  const key = `${zone}|${start}|${end}`;
  let found = cache.get(key);
  if (!found) {
    found = transitionsBetween(zone, start, end);
    if (cache.size >= 256) cache.delete(cache.keys().next().value!);
    cache.set(key, found);
  }
  return found;
}

interface Onset extends Transition {
  kind: 'STANDARD' | 'DAYLIGHT';
  name: string;
  /** Wall-clock onset in the offset before the change, as iCalendar wants it. */
  local: string;
  year: number;
  month: number;
  weekday: number;
  day: number;
  nth: number;
  isLast: boolean;
}

function describe(zone: string, transition: Transition, kind: Onset['kind']): Onset {
  const wall = DateTime.fromMillis(transition.at + transition.from * MINUTE, { zone: 'utc' });
  return {
    ...transition,
    kind,
    name: DateTime.fromMillis(transition.at, { zone }).toFormat('ZZZZ'),
    local: wall.toFormat("yyyyMMdd'T'HHmmss"),
    year: wall.year,
    month: wall.month,
    weekday: wall.weekday,
    day: wall.day,
    nth: Math.ceil(wall.day / 7),
    isLast: wall.day + 7 > daysInMonth(wall.year, wall.month),
  };
}

/** The yearly rule that produces every onset of the group, if there is one (e.g. BYMONTH=3;BYDAY=-1SU). */
function yearlyRule(onsets: Onset[]): string | null {
  const [first] = onsets;
  const timeOf = (o: Onset) => o.local.slice(8);
  const regular = onsets.every(
    (o, i) => o.month === first.month && o.weekday === first.weekday && timeOf(o) === timeOf(first) && o.year === first.year + i,
  );
  if (!regular) return null;
  const rule = `FREQ=YEARLY;BYMONTH=${first.month};BYDAY=`;
  if (onsets.every((o) => o.isLast)) return `${rule}-1${BYDAY[first.weekday]}`;
  if (onsets.every((o) => o.nth === first.nth)) return `${rule}${first.nth}${BYDAY[first.weekday]}`;
  // "First Sunday on or after the 2nd" and the like: the weekday within a seven-day window.
  const days = onsets.map((o) => o.day);
  const from = Math.min(...days);
  if (Math.max(...days) - from <= 6 && from + 6 <= 28) {
    return `${rule}${BYDAY[first.weekday]};BYMONTHDAY=${Array.from({ length: 7 }, (_, i) => from + i).join(',')}`;
  }
  return null;
}

/**
 * The one VTIMEZONE writer (events and study groups both use it). A VTIMEZONE for `zone` that is right from `fromYear` on: one observance for the offset in force
 * at the start, then each kind of change, as a yearly rule when the years in range follow one
 * (left open-ended when the rule runs to the end of the range, as the IANA rules do), else as a list
 * of dates. Clients that read VTIMEZONE (ical.js among them) then agree with the IANA database.
 */
export function writeVtimezone(out: IcsWriter, zone: string, fromYear: number, toYear: number): void {
  // The block depends on nothing else, and working it out costs ~4 ms of CPU for a zone with summer time (every
  // confirmation email's .ics, inside the event's lock): written once per zone and years, then copied.
  const key = `${zone}|${fromYear}|${toYear}`;
  let block = blocks.get(key);
  if (!block) {
    block = new IcsWriter();
    buildVtimezone(block, zone, fromYear, toYear);
    if (blocks.size >= 256) blocks.delete(blocks.keys().next().value!);
    blocks.set(key, block);
  }
  out.append(block);
}

const blocks = new Map<string, IcsWriter>();

function buildVtimezone(out: IcsWriter, zone: string, fromYear: number, toYear: number): void {
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(Math.max(toYear, fromYear + MIN_YEARS - 1) + 1, 0, 1);
  const transitions = cachedTransitions(zone, start, end);
  const initial = offsetAt(zone, start);
  const lowest = Math.min(initial, ...transitions.map((t) => t.to));
  out.begin('VTIMEZONE').raw('TZID', zone);

  out.begin(initial > lowest ? 'DAYLIGHT' : 'STANDARD')
    .raw('DTSTART', `${fromYear}0101T000000`)
    .raw('TZOFFSETFROM', formatOffset(initial))
    .raw('TZOFFSETTO', formatOffset(initial))
    .end(initial > lowest ? 'DAYLIGHT' : 'STANDARD');

  const groups = new Map<string, Onset[]>();
  for (const transition of transitions) {
    const onset = describe(zone, transition, transition.to > lowest ? 'DAYLIGHT' : 'STANDARD');
    const key = `${onset.kind}|${onset.from}|${onset.to}|${onset.name}`;
    groups.set(key, [...(groups.get(key) ?? []), onset]);
  }
  const lastYear = new Date(end - DAY).getUTCFullYear();
  for (const onsets of groups.values()) {
    const [first] = onsets;
    const last = onsets[onsets.length - 1];
    out.begin(first.kind).raw('DTSTART', first.local);
    const rule = onsets.length > 1 ? yearlyRule(onsets) : null;
    if (rule) {
      out.raw('RRULE', last.year >= lastYear ? rule : `${rule};UNTIL=${formatUtc(new Date(last.at))}`);
    } else {
      for (const onset of onsets) out.raw('RDATE', onset.local);
    }
    out.raw('TZOFFSETFROM', formatOffset(first.from)).raw('TZOFFSETTO', formatOffset(first.to));
    if (first.name) out.text('TZNAME', first.name);
    out.end(first.kind);
  }
  out.end('VTIMEZONE');
}
