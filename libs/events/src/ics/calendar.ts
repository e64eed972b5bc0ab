import { DateTime } from 'luxon';
import { formatUtc, IcsWriter, writeVtimezone } from '../../../core/src/index.js';
import { EventEntity } from '../entities/event.entity.js';
import { EventStatus } from '../events.enums.js';

const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Z']);

/** DTSTART;TZID=Europe/Berlin:20270312T090000, or DTSTART:20270312T080000Z for events in UTC. */
function dateProperty(out: IcsWriter, name: string, at: Date, tzid: string): void {
  if (UTC_ZONES.has(tzid)) out.raw(name, formatUtc(at));
  else out.raw(name, DateTime.fromJSDate(at, { zone: tzid }).toFormat("yyyyLLdd'T'HHmmss"), { TZID: tzid });
}

function writeEvent(out: IcsWriter, event: EventEntity, publicUrl: string): void {
  const description = [event.description, `${publicUrl}/events/${event.id}`].filter(Boolean).join('\n\n');
  out.begin('VEVENT')
    .raw('UID', `${event.id}@guildhall`)
    .raw('DTSTAMP', formatUtc(event.updatedAt))
    .raw('LAST-MODIFIED', formatUtc(event.updatedAt))
    .raw('SEQUENCE', String(event.revision));
  dateProperty(out, 'DTSTART', event.startsAt, event.timezone);
  dateProperty(out, 'DTEND', event.endsAt, event.timezone);
  out.text('SUMMARY', event.title).text('DESCRIPTION', description);
  if (event.venue) out.text('LOCATION', event.venue);
  out.raw('CATEGORIES', event.kind)
    .raw('STATUS', event.status === EventStatus.CANCELLED ? 'CANCELLED' : 'CONFIRMED')
    .raw('URL', `${publicUrl}/events/${event.id}`)
    .end('VEVENT');
}

/**
 * An iCalendar (RFC 5545) document, written with core's one .ics writer: each event in its own
 * zone (DTSTART;TZID=… with one VTIMEZONE per zone, covering the years concerned), UTC events as …Z times.
 */
export function calendarDocument(events: EventEntity[], publicUrl: string, name = 'Guildhall events'): string {
  const years = new Map<string, { from: number; to: number }>();
  for (const event of events) {
    if (UTC_ZONES.has(event.timezone)) continue;
    const from = event.startsAt.getUTCFullYear();
    const to = event.endsAt.getUTCFullYear();
    const seen = years.get(event.timezone);
    years.set(event.timezone, { from: Math.min(from, seen?.from ?? from), to: Math.max(to, seen?.to ?? to) });
  }
  const out = new IcsWriter()
    .begin('VCALENDAR')
    .raw('VERSION', '2.0')
    .raw('PRODID', '-//Guildhall//Events//EN')
    .raw('CALSCALE', 'GREGORIAN')
    .raw('METHOD', 'PUBLISH')
    .text('X-WR-CALNAME', name);
  for (const [tzid, range] of [...years].sort(([a], [b]) => a.localeCompare(b))) writeVtimezone(out, tzid, range.from - 1, range.to + 1);
  for (const event of events) writeEvent(out, event, publicUrl);
  return out.end('VCALENDAR').toString();
}
