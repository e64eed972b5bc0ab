import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { studyGroupCalendar } from './calendar/study-group-calendar.js';
import { GroupStatus, MeetingStatus } from './community.enums.js';
import { StudyGroupEntity } from './entities/study-group.entity.js';
import { GroupMeetingsRepository, type MeetingRow, type NewMeeting } from './group-meetings.repository.js';
import { addDays } from './schedule/local-date.js';
import { occurrenceDatesFrom, occurrenceOn, occurrencesBetween, type Schedule } from './schedule/meeting-schedule.js';
import { earliestInstantOn, localNow } from './schedule/zoned-time.js';
import { scheduleOf } from './types/study-group.type.js';

/** How far ahead the upkeep job keeps meetings as rows. */
export const MATERIALISE_WEEKS = 12;

export interface SeriesGroup {
  id: string;
  status: GroupStatus;
  series: Schedule;
  /** The group's updatedAt when read (see NewMeeting.version); null inside a transaction holding its lock. */
  version: Date | null;
}

/** The `count`-th earliest start in the list (Infinity while it holds fewer). */
function countthEarliest(list: ReadonlyArray<{ startsAt: Date }>, count: number): number {
  if (list.length < count) return Infinity;
  return list.map((m) => m.startsAt.getTime()).sort((a, b) => a - b)[count - 1];
}

const byStart = (a: MeetingRow, b: MeetingRow) => a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : 1);

/**
 * Meetings come from the schedule and become rows when first needed: when listed as upcoming, when
 * the upkeep job rolls its horizon forward, or when a group is created or changes rhythm. Rows are
 * unique by (group, occurrence date), so doing it twice, or from two places at once, is harmless.
 */
@Injectable()
export class MeetingSeriesService {
  constructor(private readonly meetings: GroupMeetingsRepository) {}

  /** Writes the meetings of the next MATERIALISE_WEEKS weeks that are not rows yet. */
  materialiseHorizon(manager: EntityManager | undefined, groups: SeriesGroup[], now: Date): Promise<number> {
    const rows: NewMeeting[] = [];
    for (const group of groups) {
      if (group.status === GroupStatus.ARCHIVED) continue;
      const today = localNow(group.series.timezone, now).date;
      for (const o of occurrencesBetween(group.series, today, addDays(today, MATERIALISE_WEEKS * 7))) {
        if (o.endsAt.getTime() > now.getTime()) rows.push({ groupId: group.id, ...o, version: group.version });
      }
    }
    return this.meetings.materialise(manager, rows);
  }

  /**
   * The next `count` meetings of each group that have not ended (cancelled ones skipped, moved ones at
   * their new time), writing the rows that are missing. Three statements at most, however many groups.
   * `read`: each group's current meetings already read (CURRENT_MEETINGS_OF_GROUP, with the group), at a `now` no
   * later than this one: a superset of what this reads (any row it would read ends after this `now` or is dated from
   * the day before), whose extra rows (ended, dated before the day before) the dates walked here never reach.
   */
  async upcoming(groups: SeriesGroup[], now: Date, count: number, read?: ReadonlyMap<string, MeetingRow[]>): Promise<Map<string, MeetingRow[]>> {
    const result = new Map<string, MeetingRow[]>(groups.map((g) => [g.id, []]));
    if (!groups.length) return result;
    // The zone arithmetic is this method's cost: each group's local date is worked out once.
    const fromDates = new Map(groups.map((g) => [g.id, addDays(localNow(g.series.timezone, now).date, -1)]));
    const earliest = [...fromDates.values()].sort()[0];
    const existing = read ? groups.flatMap((g) => read.get(g.id) ?? []) : await this.meetings.currentByGroupIds(groups.map((g) => g.id), now, earliest);
    const missing: NewMeeting[] = [];
    const planned = new Map<string, Array<MeetingRow | NewMeeting>>();
    for (const group of groups) {
      const rows = existing.filter((m) => m.groupId === group.id);
      const known = new Set(rows.map((m) => m.occurrenceDate));
      const list: Array<MeetingRow | NewMeeting> = rows.filter((m) => m.status === MeetingStatus.SCHEDULED && m.endsAt.getTime() > now.getTime());
      if (group.status !== GroupStatus.ARCHIVED) {
        let guard = 0;
        let countthStart = countthEarliest(list, count);
        for (const date of occurrenceDatesFrom(group.series, fromDates.get(group.id)!)) {
          if (++guard > 500) break;
          // Nothing on this date or later can start before the count-th start already listed: done, without the
          // zone (dates ascend, and the list's count-th earliest start only moves earlier as rows join it).
          if (countthStart <= earliestInstantOn(date)) break;
          // A date with a row already is skipped before its times are worked out.
          if (known.has(date)) continue;
          const occurrence = occurrenceOn(group.series, date);
          if (occurrence.endsAt.getTime() <= now.getTime()) continue;
          if (countthStart <= occurrence.startsAt.getTime()) break;
          const row = { groupId: group.id, ...occurrence, version: group.version };
          missing.push(row);
          list.push(row);
          countthStart = countthEarliest(list, count);
        }
      }
      planned.set(group.id, list);
    }
    if (missing.length) {
      await this.meetings.materialise(undefined, missing);
      const written = await this.meetings.byOccurrences(missing);
      const byKey = new Map(written.map((m) => [`${m.groupId}|${m.occurrenceDate}`, m]));
      for (const [groupId, list] of planned) {
        planned.set(groupId, list.map((m) => ('id' in m ? m : byKey.get(`${m.groupId}|${m.occurrenceDate}`)!)).filter(Boolean));
      }
    }
    for (const [groupId, list] of planned) {
      const live = (list as MeetingRow[]).filter((m) => m.status === MeetingStatus.SCHEDULED && m.endsAt.getTime() > now.getTime());
      result.set(groupId, live.sort(byStart).slice(0, count));
    }
    return result;
  }

  /** The group's series as an iCalendar file. */
  async calendar(group: StudyGroupEntity, now: Date): Promise<string> {
    const exceptions = await this.meetings.exceptions(group.id);
    return studyGroupCalendar(
      { id: group.id, name: group.name, topic: group.topic, description: group.description, schedule: scheduleOf(group), endedAt: group.archivedAt },
      exceptions.map((m) => ({ occurrenceDate: m.occurrenceDate, cancelled: m.status === MeetingStatus.CANCELLED, startsAt: m.startsAt, endsAt: m.endsAt })),
      now,
    );
  }
}
