import { DateTime, IANAZone } from 'luxon';
import { offsetText } from './ics-format.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Local wall time of the instant `at` in a zone `offset` minutes from UTC: 20270328T020000. */
function localStamp(at: number, offsetMinutes: number): string {
  return new Date(at + offsetMinutes * 60_000).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, '');
}

/** The instants (to the minute) at which the zone's UTC offset changes within [from, to). */
export function offsetTransitions(zone: IANAZone, from: number, to: number): number[] {
  const found: number[] = [];
  for (let day = from; day < to; day += DAY) {
    const end = Math.min(day + DAY, to);
    if (zone.offset(day) === zone.offset(end)) continue;
    let low = day;
    let high = end;
    while (high - low > 60_000) {
      const middle = low + Math.floor((high - low) / 120_000) * 60_000;
      if (zone.offset(middle) === zone.offset(low)) low = middle;
      else high = middle;
    }
    found.push(high);
  }
  return found;
}

/**
 * A VTIMEZONE for `tzid` covering the years `fromYear`..`toYear` (and the one before, for safety):
 * one observance at the start of the range, then one per offset change, each marked DAYLIGHT or
 * STANDARD, with TZOFFSETFROM/TO and DTSTART in the local time before the change (RFC 5545 §3.6.5).
 */
export function vtimezone(tzid: string, fromYear: number, toYear: number): string[] {
  const zone = IANAZone.create(tzid);
  const start = Date.UTC(fromYear - 1, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  const observance = (at: number, fromOffset: number, toOffset: number) => {
    const local = DateTime.fromMillis(at, { zone: tzid });
    const kind = local.isInDST ? 'DAYLIGHT' : 'STANDARD';
    return [
      `BEGIN:${kind}`,
      `DTSTART:${localStamp(at, fromOffset)}`,
      `TZOFFSETFROM:${offsetText(fromOffset)}`,
      `TZOFFSETTO:${offsetText(toOffset)}`,
      `TZNAME:${local.offsetNameShort ?? offsetText(toOffset)}`,
      `END:${kind}`,
    ];
  };
  const out = ['BEGIN:VTIMEZONE', `TZID:${tzid}`];
  const initial = zone.offset(start);
  out.push(...observance(start, initial, initial));
  for (const at of offsetTransitions(zone, start, end)) out.push(...observance(at, zone.offset(at - 60_000), zone.offset(at)));
  out.push('END:VTIMEZONE');
  return out;
}
