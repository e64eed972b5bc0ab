import { DateTime } from 'luxon';
import { EventEntity } from '../entities/event.entity.js';
import { EventStatus } from '../events.enums.js';
import { escapeText, lines, utcStamp } from './ics-format.js';
import { vtimezone } from './vtimezone.js';

const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Z']);

function dateProperty(name: string, at: Date, tzid: string): string {
  if (UTC_ZONES.has(tzid)) return `${name}:${utcStamp(at)}`;
  return `${name};TZID=${tzid}:${DateTime.fromJSDate(at, { zone: tzid }).toFormat("yyyyLLdd'T'HHmmss")}`;
}

function vevent(event: EventEntity, publicUrl: string): string[] {
  const description = [event.description, `${publicUrl}/events/${event.id}`].filter(Boolean).join('\n\n');
  return [
    'BEGIN:VEVENT',
    `UID:${event.id}@guildhall`,
    `DTSTAMP:${utcStamp(event.updatedAt)}`,
    `LAST-MODIFIED:${utcStamp(event.updatedAt)}`,
    `SEQUENCE:${event.revision}`,
    dateProperty('DTSTART', event.startsAt, event.timezone),
    dateProperty('DTEND', event.endsAt, event.timezone),
    `SUMMARY:${escapeText(event.title)}`,
    `DESCRIPTION:${escapeText(description)}`,
    ...(event.venue ? [`LOCATION:${escapeText(event.venue)}`] : []),
    `CATEGORIES:${event.kind}`,
    `STATUS:${event.status === EventStatus.CANCELLED ? 'CANCELLED' : 'CONFIRMED'}`,
    `URL:${publicUrl}/events/${event.id}`,
    'END:VEVENT',
  ];
}

/**
 * An iCalendar (RFC 5545) document: each event in its own zone (DTSTART;TZID=… with a VTIMEZONE
 * built from the IANA database for the years concerned), UTC events as …Z times. CRLF, folded, escaped.
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
  const content = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Guildhall//Events//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(name)}`];
  for (const [tzid, range] of [...years].sort(([a], [b]) => a.localeCompare(b))) content.push(...vtimezone(tzid, range.from, range.to));
  for (const event of events) content.push(...vevent(event, publicUrl));
  content.push('END:VCALENDAR');
  return lines(content);
}
