import { formatLocal, formatUtc, IcsWriter, writeVtimezone } from '../../../core/src/index.js';
import { firstOccurrenceDate, isOccurrenceDate, monthlyOrdinal, occurrenceOn, type Schedule } from '../schedule/meeting-schedule.js';
import { instantToLocal, localToInstant } from '../schedule/zoned-time.js';

const BYDAY = ['', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export interface CalendarGroup {
  id: string;
  name: string;
  topic: string;
  description: string | null;
  schedule: Schedule;
  /** When the group was archived: no meetings from then on. */
  endedAt?: Date | null;
}

/** A materialised meeting that differs from the series: cancelled, or moved to another time. */
export interface CalendarException {
  occurrenceDate: string;
  cancelled: boolean;
  startsAt: Date;
  endsAt: Date;
}

/** The RRULE of a schedule, without UNTIL. */
export function seriesRule(schedule: Schedule): string {
  const day = BYDAY[schedule.weekday];
  switch (schedule.cadence) {
    case 'WEEKLY':
      return `FREQ=WEEKLY;BYDAY=${day}`;
    case 'BIWEEKLY':
      return `FREQ=WEEKLY;INTERVAL=2;BYDAY=${day}`;
    case 'MONTHLY':
      return `FREQ=MONTHLY;BYDAY=${monthlyOrdinal(schedule)}${day}`;
  }
}

function durationOf(minutes: number): string {
  return `PT${minutes}M`;
}

/**
 * The group's meetings as one recurring VEVENT in the group's zone (with its VTIMEZONE):
 * cancelled meetings as EXDATEs, moved ones as overriding VEVENTs with a RECURRENCE-ID.
 */
export function studyGroupCalendar(group: CalendarGroup, exceptions: CalendarException[], now: Date): string {
  const { schedule } = group;
  const zone = schedule.timezone;
  const uid = `study-group-${group.id}@guildhall`;
  const stamp = formatUtc(now);
  const first = firstOccurrenceDate(schedule);
  // The series ends at the end of endsOn (local), or just before the group was archived.
  const ends = [
    schedule.endsOn ? localToInstant(zone, { date: schedule.endsOn, time: '23:59' }).getTime() + 59_000 : Infinity,
    group.endedAt ? group.endedAt.getTime() - 1000 : Infinity,
  ];
  const until = Math.min(...ends);
  const relevant = exceptions
    .filter((e) => isOccurrenceDate(schedule, e.occurrenceDate) && occurrenceOn(schedule, e.occurrenceDate).startsAt.getTime() <= until)
    .sort((a, b) => a.occurrenceDate.localeCompare(b.occurrenceDate));
  const moved = relevant.filter((e) => !e.cancelled && e.startsAt.getTime() !== occurrenceOn(schedule, e.occurrenceDate).startsAt.getTime());
  const years = [
    Number(schedule.startsOn.slice(0, 4)),
    Number((schedule.endsOn ?? schedule.startsOn).slice(0, 4)),
    now.getUTCFullYear(),
    ...moved.map((e) => e.startsAt.getUTCFullYear()),
  ];
  const description = group.description ? `${group.topic}\n\n${group.description}` : group.topic;

  const out = new IcsWriter()
    .begin('VCALENDAR')
    .raw('VERSION', '2.0')
    .raw('PRODID', '-//Guildhall//Study groups//EN')
    .raw('CALSCALE', 'GREGORIAN')
    .raw('METHOD', 'PUBLISH')
    .text('X-WR-CALNAME', group.name)
    .raw('X-WR-TIMEZONE', zone);
  writeVtimezone(out, zone, Math.min(...years) - 1, Math.max(...years) + 1);

  // DTSTART always counts as a meeting (RFC 5545), so a series that ended before its first one has no VEVENT.
  if (first && occurrenceOn(schedule, first).startsAt.getTime() <= until) {
    let rule = seriesRule(schedule);
    if (until !== Infinity) rule += `;UNTIL=${formatUtc(new Date(until))}`;
    out.begin('VEVENT')
      .raw('UID', uid)
      .raw('DTSTAMP', stamp)
      .raw('DTSTART', formatLocal(first, schedule.localTime), { TZID: zone })
      .raw('DURATION', durationOf(schedule.durationMinutes))
      .raw('RRULE', rule);
    for (const e of relevant.filter((x) => x.cancelled)) {
      out.raw('EXDATE', formatLocal(e.occurrenceDate, schedule.localTime), { TZID: zone });
    }
    out.text('SUMMARY', group.name).text('DESCRIPTION', description).raw('STATUS', 'CONFIRMED').end('VEVENT');

    for (const e of moved) {
      const local = instantToLocal(zone, e.startsAt);
      // A wall-clock time that names another instant (the repeated hour) is written in UTC instead.
      const unambiguous = localToInstant(zone, local).getTime() === e.startsAt.getTime();
      out.begin('VEVENT')
        .raw('UID', uid)
        .raw('DTSTAMP', stamp)
        .raw('RECURRENCE-ID', formatLocal(e.occurrenceDate, schedule.localTime), { TZID: zone })
        .raw('DTSTART', unambiguous ? formatLocal(local.date, local.time) : formatUtc(e.startsAt), unambiguous ? { TZID: zone } : {})
        .raw('DURATION', durationOf(Math.round((e.endsAt.getTime() - e.startsAt.getTime()) / 60_000)))
        .raw('SEQUENCE', '1')
        .text('SUMMARY', group.name)
        .text('DESCRIPTION', description)
        .raw('STATUS', 'CONFIRMED')
        .end('VEVENT');
    }
  }
  return out.end('VCALENDAR').toString();
}
