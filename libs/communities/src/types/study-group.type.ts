import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../../core/src/index.js';
import { seriesRule } from '../calendar/study-group-calendar.js';
import { GroupStatus, GroupVisibility, MeetingCadence, Weekday, weekdayOf } from '../community.enums.js';
import { StudyGroupEntity } from '../entities/study-group.entity.js';
import { type Schedule } from '../schedule/meeting-schedule.js';

@ObjectType('MeetingSchedule', { description: 'When the group meets, in its own time zone (daylight-saving changes keep the wall-clock time).' })
export class MeetingSchedule {
  @Field(() => MeetingCadence) cadence: MeetingCadence;
  @Field(() => Weekday) weekday: Weekday;
  @Field(() => Int, { nullable: true, description: 'MONTHLY only: which weekday of the month, 1 to 4, or -1 for the last.' })
  weekOfMonth: number | null;
  @Field({ description: 'Start time, HH:MM (24-hour) wall clock in `timezone`.' }) localTime: string;
  @Field({ description: 'IANA time zone, e.g. Europe/Berlin.' }) timezone: string;
  @Field(() => Int) durationMinutes: number;
  @Field({ description: 'First possible meeting date, YYYY-MM-DD.' }) startsOn: string;
  @Field(() => String, { nullable: true, description: 'Last possible meeting date, YYYY-MM-DD; null = open-ended.' }) endsOn: string | null;
  @Field({ description: 'The iCalendar RRULE of the series (DTSTART in `timezone`).' }) recurrenceRule: string;
}

/** What a StudyGroup is made from: the group's row as the entity names it (an entity, or a plain row read for it). */
export type StudyGroupRow = Omit<StudyGroupEntity, 'createdBy' | 'creator'>;

/** `members`, `goals`, meetings and the rest are field resolvers, each behind its own guard. */
@ObjectType('StudyGroup')
export class StudyGroup {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() topic: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => GroupVisibility) visibility: GroupVisibility;
  @Field(() => Int, { nullable: true, description: 'Most active members at once; null = the platform limit (200).' }) capacity: number | null;
  @Field(() => GroupStatus) status: GroupStatus;
  @Field(() => MeetingSchedule) schedule: MeetingSchedule;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) archivedAt: Date | null;
  /** Kept for the series rules; not GraphQL fields. */
  series: Schedule;
  updatedAt: Date;

  static from(entity: StudyGroupRow): StudyGroup {
    const group = new StudyGroup();
    Object.assign(group, {
      id: entity.id,
      name: entity.name,
      topic: entity.topic,
      description: entity.description,
      visibility: entity.visibility,
      capacity: entity.capacity,
      status: entity.status,
      createdAt: entity.createdAt,
      archivedAt: entity.archivedAt,
      updatedAt: entity.updatedAt,
      series: scheduleOf(entity),
    });
    group.schedule = {
      cadence: entity.cadence,
      weekday: weekdayOf(entity.weekday),
      weekOfMonth: entity.weekOfMonth,
      localTime: entity.localTime,
      timezone: entity.timezone,
      durationMinutes: entity.durationMinutes,
      startsOn: entity.startsOn,
      endsOn: entity.endsOn,
      recurrenceRule: seriesRule(group.series),
    };
    return group;
  }
}

export function scheduleOf(entity: StudyGroupRow): Schedule {
  return {
    cadence: entity.cadence,
    weekday: entity.weekday,
    weekOfMonth: entity.weekOfMonth,
    localTime: entity.localTime,
    timezone: entity.timezone,
    durationMinutes: entity.durationMinutes,
    startsOn: entity.startsOn,
    endsOn: entity.endsOn,
  };
}

@ObjectType()
export class StudyGroupConnection extends Connection(StudyGroup) {}

@ObjectType('MeetingRole', { description: 'A role the group rotates at its meetings.' })
export class MeetingRole {
  @Field({ description: 'An upper-case key, e.g. NOTE_TAKER.' }) role: string;
  @Field(() => String, { nullable: true }) description: string | null;
}
