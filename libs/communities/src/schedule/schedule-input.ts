import { badInput, canonicalZone } from '../../../core/src/index.js';
import { MeetingCadence, weekdayNumber, type Weekday } from '../community.enums.js';
import { addDays } from './local-date.js';
import { firstOccurrenceDate, monthlyOrdinal, type Schedule } from './meeting-schedule.js';

export interface ScheduleFields {
  cadence: MeetingCadence;
  weekday: Weekday;
  weekOfMonth?: number | null;
  localTime: string;
  timezone: string;
  durationMinutes: number;
  startsOn: string;
  endsOn?: string | null;
}

/** The longest a series may run. */
const MAX_SPAN_DAYS = 10 * 366;

/**
 * The rules a schedule must meet beyond each field's own (those the input class checks):
 * dates in order, a week of the month only for MONTHLY, at least one meeting. Errors name the field.
 */
export function toSchedule(input: ScheduleFields, path = 'input.schedule'): Schedule {
  if (input.weekOfMonth !== undefined && input.weekOfMonth !== null && input.cadence !== MeetingCadence.MONTHLY) {
    throw badInput(`${path}.weekOfMonth`, 'applies to MONTHLY schedules only');
  }
  const endsOn = input.endsOn ?? null;
  if (endsOn !== null && endsOn < input.startsOn) throw badInput(`${path}.endsOn`, 'must not be before startsOn');
  if (endsOn !== null && endsOn > addDays(input.startsOn, MAX_SPAN_DAYS)) throw badInput(`${path}.endsOn`, 'must be within ten years of startsOn');
  const weekday = weekdayNumber(input.weekday);
  const schedule: Schedule = {
    cadence: input.cadence,
    weekday,
    weekOfMonth: input.cadence === MeetingCadence.MONTHLY ? monthlyOrdinal({ weekOfMonth: input.weekOfMonth ?? null, startsOn: input.startsOn, weekday }) : null,
    localTime: input.localTime,
    timezone: canonicalZone(input.timezone),
    durationMinutes: input.durationMinutes,
    startsOn: input.startsOn,
    endsOn,
  };
  if (!firstOccurrenceDate(schedule)) throw badInput(`${path}.endsOn`, 'leaves no date for a meeting');
  return schedule;
}
