import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../../core/src/index.js';
import { MeetingStatus } from '../community.enums.js';
import { GroupMeetingEntity } from '../entities/group-meeting.entity.js';

/** Times are public with the group; roles, attendance, notes and check-ins are for its members. */
@ObjectType('GroupMeeting')
export class GroupMeeting {
  @Field(() => ID) id: string;
  groupId: string;
  @Field({ description: 'The date the series puts this meeting on (YYYY-MM-DD in the group\'s zone), even when moved.' }) occurrenceDate: string;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field(() => MeetingStatus) status: MeetingStatus;
  @Field({ description: 'Moved away from the series time.' }) moved: boolean;
  /** Read through the guarded `notes` field resolver. */
  notes: string | null;

  static from(entity: Pick<GroupMeetingEntity, 'id' | 'groupId' | 'occurrenceDate' | 'startsAt' | 'endsAt' | 'status' | 'moved' | 'notes'>): GroupMeeting {
    return Object.assign(new GroupMeeting(), {
      id: entity.id,
      groupId: entity.groupId,
      occurrenceDate: entity.occurrenceDate,
      startsAt: entity.startsAt,
      endsAt: entity.endsAt,
      status: entity.status,
      moved: entity.moved,
      notes: entity.notes,
    });
  }
}

@ObjectType()
export class GroupMeetingConnection extends Connection(GroupMeeting) {}

@ObjectType('MeetingRoleAssignment')
export class MeetingRoleAssignment {
  meetingId: string;
  userId: string;
  @Field() role: string;
  @Field({ description: 'An organiser changed the holder after the rotation chose.' }) swapped: boolean;
}

@ObjectType('Attendance')
export class Attendance {
  userId: string;
  @Field() present: boolean;
  @Field() recordedAt: Date;
}

@ObjectType('AccountabilityCheckIn')
export class AccountabilityCheckIn {
  @Field(() => ID) id: string;
  meetingId: string;
  userId: string;
  @Field() done: string;
  @Field() next: string;
  @Field(() => String, { nullable: true }) blockers: string | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('MeetingRoleOffer', { description: 'A role holder asks another member to take their role at a meeting; nothing changes until they accept.' })
export class MeetingRoleOffer {
  meetingId: string;
  fromUserId: string;
  toUserId: string;
  @Field() role: string;
  @Field(() => String, { nullable: true, description: 'The role the member asked holds at the meeting: accepting trades it to the offerer. Null: a hand-over.' })
  inReturnRole: string | null;
  @Field() createdAt: Date;
}

@ObjectType('MeetingFeedback', { description: 'A member\'s rating of a meeting: one per person per meeting (giving it again replaces it).' })
export class MeetingFeedback {
  @Field(() => Int, { description: '1 to 5.' }) rating: number;
  @Field(() => String, { nullable: true }) comment: string | null;
  @Field() updatedAt: Date;
}
