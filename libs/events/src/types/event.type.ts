import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, Money } from '../../../core/src/index.js';
import { EventEntity } from '../entities/event.entity.js';
import { EventSessionEntity } from '../entities/event-session.entity.js';
import { EventFormat, EventKind, EventStatus } from '../events.enums.js';

@ObjectType('EventSession')
export class EventSession {
  @Field(() => ID) id: string;
  eventId: string;
  @Field() title: string;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field(() => Float) ceCredits: number;
  @Field(() => String, { nullable: true, description: 'e.g. "Ethics", "Clinical"; credits are totalled by category.' }) ceCategory: string | null;

  static from(entity: EventSessionEntity): EventSession {
    return { id: entity.id, eventId: entity.eventId, title: entity.title, startsAt: entity.startsAt, endsAt: entity.endsAt, ceCredits: entity.ceCredits, ceCategory: entity.ceCategory };
  }
}

/** The columns an Event is made from: an entity, or a plain row read with a list (see EVENT_ROW_COLUMNS). */
export type EventRow = Pick<
  EventEntity,
  | 'id' | 'title' | 'description' | 'kind' | 'format' | 'status' | 'startsAt' | 'endsAt' | 'timezone' | 'venue' | 'onlineUrl' | 'capacity'
  | 'seatsTaken' | 'waitlistCount' | 'waitlistLimit' | 'registrationOpensAt' | 'registrationClosesAt' | 'memberPriceAmount' | 'nonMemberPriceAmount'
  | 'priceCurrency' | 'membersOnly' | 'cancelledAt' | 'cancelReason'
>;

/**
 * The EventRow columns each field of Event reads (fields resolved elsewhere: those of the parent they read). A list reads
 * only the columns of the fields its request asks for (and `id`, `startsAt` for its cursors): the other fields of its
 * Events are left unset, so a field resolver on Event that reads more than `id` must name its columns here.
 */
export const EVENT_FIELD_COLUMNS = {
  id: [], title: ['title'], description: ['description'], kind: ['kind'], format: ['format'], status: ['status'], startsAt: ['startsAt'],
  endsAt: ['endsAt'], timezone: ['timezone'], venue: ['venue'], privateOnlineUrl: ['onlineUrl'], onlineUrl: ['onlineUrl'], capacity: ['capacity'],
  seatsRemaining: ['capacity', 'seatsTaken'], waitlistCount: ['waitlistCount'], waitlistLimit: ['waitlistLimit'], registrationOpensAt: ['registrationOpensAt'],
  registrationClosesAt: ['registrationClosesAt'], memberPrice: ['memberPriceAmount', 'priceCurrency'], nonMemberPrice: ['nonMemberPriceAmount', 'priceCurrency'],
  membersOnly: ['membersOnly'], cancelledAt: ['cancelledAt'], cancelReason: ['cancelReason'],
  // Resolved per request from the event's id.
  sessions: [], myRegistration: [], registrations: [], space: [],
} as const satisfies Record<keyof Event | 'onlineUrl' | 'sessions' | 'myRegistration' | 'registrations' | 'space', ReadonlyArray<keyof EventRow>>;

/** `sessions`, `myRegistration` and `onlineUrl` are resolved per request (loaders, and the viewer's rights). */
@ObjectType('Event')
export class Event {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => EventKind) kind: EventKind;
  @Field(() => EventFormat) format: EventFormat;
  @Field(() => EventStatus) status: EventStatus;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field({ description: 'IANA time zone the event is held in, e.g. Europe/Berlin.' }) timezone: string;
  @Field(() => String, { nullable: true }) venue: string | null;
  /** Read through the guarded `onlineUrl` field only. */
  privateOnlineUrl: string | null;
  @Field(() => Int, { nullable: true, description: 'Null: no limit.' }) capacity: number | null;
  @Field(() => Int, { nullable: true, description: 'Null when there is no limit.' }) seatsRemaining: number | null;
  @Field(() => Int) waitlistCount: number;
  @Field(() => Int, { nullable: true, description: 'How many may queue once the seats are gone. Null: no limit; 0: no waitlist.' }) waitlistLimit: number | null;
  @Field(() => Date, { nullable: true }) registrationOpensAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'Null: registration closes when the event starts.' }) registrationClosesAt: Date | null;
  @Field(() => Money) memberPrice: Money;
  @Field(() => Money) nonMemberPrice: Money;
  @Field() membersOnly: boolean;
  @Field(() => Date, { nullable: true }) cancelledAt: Date | null;
  @Field(() => String, { nullable: true }) cancelReason: string | null;

  static from(e: EventRow): Event {
    return {
      id: e.id,
      title: e.title,
      description: e.description,
      kind: e.kind,
      format: e.format,
      status: e.status,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      timezone: e.timezone,
      venue: e.venue,
      privateOnlineUrl: e.onlineUrl,
      capacity: e.capacity,
      seatsRemaining: e.capacity === null ? null : Math.max(0, e.capacity - e.seatsTaken),
      waitlistCount: e.waitlistCount,
      waitlistLimit: e.waitlistLimit,
      registrationOpensAt: e.registrationOpensAt,
      registrationClosesAt: e.registrationClosesAt,
      memberPrice: { amount: e.memberPriceAmount, currency: e.priceCurrency },
      nonMemberPrice: { amount: e.nonMemberPriceAmount, currency: e.priceCurrency },
      membersOnly: e.membersOnly,
      cancelledAt: e.cancelledAt,
      cancelReason: e.cancelReason,
    };
  }
}

@ObjectType()
export class EventConnection extends Connection(Event) {}
