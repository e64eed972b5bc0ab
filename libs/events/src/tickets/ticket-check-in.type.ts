import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Registration } from '../types/registration.type.js';

/** What the door screen shows after a ticket code is scanned or typed. */
export enum CheckInOutcome {
  CHECKED_IN = 'CHECKED_IN',
  ALREADY_CHECKED_IN = 'ALREADY_CHECKED_IN',
  WRONG_EVENT = 'WRONG_EVENT',
  NOT_CONFIRMED = 'NOT_CONFIRMED',
}
registerEnumType(CheckInOutcome, {
  name: 'CheckInOutcome',
  valuesMap: {
    CHECKED_IN: { description: 'Checked in now.' },
    ALREADY_CHECKED_IN: { description: 'This ticket was already checked in to the session; nothing changed.' },
    WRONG_EVENT: { description: 'The ticket is for another event; nothing changed.' },
    NOT_CONFIRMED: { description: 'The registration is not confirmed (waitlisted, unpaid, offered or cancelled); nothing changed.' },
  },
});

@ObjectType()
export class TicketCheckIn {
  @Field(() => CheckInOutcome) outcome: CheckInOutcome;
  @Field(() => Registration, { description: 'Whose ticket it is (for WRONG_EVENT, a registration for another event).' })
  registration: Registration;
}

@ObjectType()
export class SessionCheckInCount {
  @Field(() => ID) sessionId: string;
  @Field() title: string;
  @Field() startsAt: Date;
  @Field(() => Int, { description: 'Confirmed registrants checked in to this session.' }) checkedIn: number;
}

@ObjectType()
export class EventCheckInCounts {
  @Field(() => ID) eventId: string;
  @Field(() => Int, { description: 'Confirmed registrations: everyone who may come in.' }) confirmed: number;
  @Field(() => [SessionCheckInCount], { description: 'Per session, by start.' }) sessions: SessionCheckInCount[];
}
