import { registerEnumType } from '@nestjs/graphql';

export enum GroupVisibility {
  OPEN = 'OPEN',
  APPROVAL = 'APPROVAL',
}
registerEnumType(GroupVisibility, {
  name: 'GroupVisibility',
  valuesMap: {
    OPEN: { description: 'Members in good standing join at once, while there is room.' },
    APPROVAL: { description: 'Joining asks; an organiser (or an admin) approves.' },
  },
});

export enum GroupStatus {
  FORMING = 'FORMING',
  ACTIVE = 'ACTIVE',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(GroupStatus, {
  name: 'GroupStatus',
  valuesMap: { ARCHIVED: { description: 'Ended: no joins, no new meetings; history stays readable.' } },
});

export enum MeetingCadence {
  WEEKLY = 'WEEKLY',
  BIWEEKLY = 'BIWEEKLY',
  MONTHLY = 'MONTHLY',
}
registerEnumType(MeetingCadence, {
  name: 'MeetingCadence',
  valuesMap: { MONTHLY: { description: 'The weekOfMonth-th weekday of each month (-1 = the last).' } },
});

export enum Weekday {
  MONDAY = 'MONDAY',
  TUESDAY = 'TUESDAY',
  WEDNESDAY = 'WEDNESDAY',
  THURSDAY = 'THURSDAY',
  FRIDAY = 'FRIDAY',
  SATURDAY = 'SATURDAY',
  SUNDAY = 'SUNDAY',
}
registerEnumType(Weekday, { name: 'Weekday' });

const WEEKDAYS = Object.values(Weekday);
/** ISO weekday number (1 = Monday) of a Weekday, and back. */
export const weekdayNumber = (day: Weekday): number => WEEKDAYS.indexOf(day) + 1;
export const weekdayOf = (iso: number): Weekday => WEEKDAYS[iso - 1];

export enum GroupMemberRole {
  FACILITATOR = 'FACILITATOR',
  MEMBER = 'MEMBER',
}
registerEnumType(GroupMemberRole, {
  name: 'GroupMemberRole',
  description: 'A member\'s standing in the group. FACILITATOR = organiser (approves, manages roles and meetings); not to be confused with the rotating meeting role of the same name.',
});

export enum GroupMemberStatus {
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
}
registerEnumType(GroupMemberStatus, { name: 'GroupMemberStatus', valuesMap: { PENDING: { description: 'Asked to join an APPROVAL group; not yet approved.' } } });

export enum MeetingStatus {
  SCHEDULED = 'SCHEDULED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(MeetingStatus, { name: 'MeetingStatus' });

export enum GoalStatus {
  OPEN = 'OPEN',
  ACHIEVED = 'ACHIEVED',
  DROPPED = 'DROPPED',
}
registerEnumType(GoalStatus, { name: 'GoalStatus', valuesMap: { ACHIEVED: { description: 'Progress is 100.' } } });

/** The roles a new group rotates, in order. */
export const DEFAULT_MEETING_ROLES = ['FACILITATOR', 'NOTE_TAKER', 'TIMEKEEPER'] as const;
