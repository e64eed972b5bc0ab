/**
 * Reads a calendar the way a client would, with ical.js (tests only): registers its VTIMEZONEs,
 * relates overriding VEVENTs to the series, and expands the RRULE (EXDATEs removed).
 */
import ICAL from 'ical.js';

export interface ExpandedOccurrence {
  /** The series start this occurrence replaces (equal to `start` unless moved), as an instant. */
  recurrenceId: Date;
  start: Date;
  end: Date;
}

export function parseCalendar(text: string): InstanceType<typeof ICAL.Component> {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
  return calendar;
}

/** The first `count` occurrences of the calendar's recurring event that end after `after`. */
export function expandSeries(text: string, count: number, after = new Date(0)): ExpandedOccurrence[] {
  const calendar = parseCalendar(text);
  const vevents = calendar.getAllSubcomponents('vevent');
  const master = vevents.find((v) => !v.hasProperty('recurrence-id'));
  if (!master) return [];
  const event = new ICAL.Event(master);
  for (const exception of vevents.filter((v) => v.hasProperty('recurrence-id'))) event.relateException(exception);
  const iterator = event.iterator();
  const result: ExpandedOccurrence[] = [];
  for (let next = iterator.next(), guard = 0; next && result.length < count && guard < 100_000; next = iterator.next(), guard++) {
    const details = event.getOccurrenceDetails(next);
    const end = details.endDate.toJSDate();
    if (end.getTime() <= after.getTime()) continue;
    result.push({ recurrenceId: details.recurrenceId.toJSDate(), start: details.startDate.toJSDate(), end });
  }
  return result.sort((a, b) => a.start.getTime() - b.start.getTime());
}
