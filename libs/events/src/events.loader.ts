import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { fieldsAt, rememberedPerField, type RequestContext } from '../../core/src/index.js';
import { UsersLoader } from '../../accounts/src/index.js';
import { carryMembership, MembersLoader } from '../../members/src/index.js';
import { AttendanceRepository, type AttendedSession } from './attendance.repository.js';
import { EVENT_FIELD_COLUMNS, type EventRow } from './types/event.type.js';
import { type RegistrationRow } from './types/registration.type.js';
import { leanRegistrationAsked } from './registration-lean-fields.js';
import { type EventListRow, EventsRepository, type EventSessionRow, type SessionField, sessionFieldsAsked } from './events.repository.js';
import { type RegistrantParts, registrantsCarried, RegistrationsRepository, type RegistrationWithRegistrant } from './registrations.repository.js';

/** What an events connection's selection asks of each event that a list can read in its statement. */
export interface EventParts {
  /** `Event.sessions`. */
  sessions: boolean;
  /** The session fields `Event.sessions` asks (`sessionFieldsAsked`). */
  sessionFields: readonly SessionField[];
  /** The viewer's registration: `Event.myRegistration`, and `Event.onlineUrl` (shown to confirmed registrants). */
  viewerRegistration: boolean;
  /** Whether `Event.myRegistration` asks only fields of the lean columns (`leanRegistrationAsked`; `onlineUrl` reads the status alone). */
  viewerRegistrationLean: boolean;
  /** The EventRow columns its fields read (EVENT_FIELD_COLUMNS), with `id` and `startsAt` (the cursor). */
  columns: ReadonlyArray<keyof EventRow>;
}

/** The EventRow columns the Event `fields` asked for read (EVENT_FIELD_COLUMNS), with `id` and `startsAt` (lists' cursors). */
export function eventColumnsFor(fields: ReadonlySet<string>): Array<keyof EventRow> {
  const columns = new Set<keyof EventRow>(['id', 'startsAt']);
  for (const field of fields) {
    if (Object.hasOwn(EVENT_FIELD_COLUMNS, field)) for (const column of EVENT_FIELD_COLUMNS[field as keyof typeof EVENT_FIELD_COLUMNS]) columns.add(column);
  }
  return [...columns];
}

/** What an events connection's selection asks of each event (remembered per field: see rememberedPerField). */
export const eventPartsAsked = rememberedPerField((info): EventParts => {
  const fields = fieldsAt(info, ['edges', 'node']) ?? new Set<string>();
  return {
    sessions: fields.has('sessions'),
    sessionFields: sessionFieldsAsked(fieldsAt(info, ['edges', 'node', 'sessions']) ?? new Set()),
    viewerRegistration: fields.has('myRegistration') || fields.has('onlineUrl'),
    viewerRegistrationLean: leanRegistrationAsked(fieldsAt(info, ['edges', 'node', 'myRegistration']) ?? new Set()),
    columns: eventColumnsFor(fields),
  };
});

/** Whether `Event.myRegistration` asks only fields of the lean columns, as the field itself sees them. */
export const leanRegistrationOfField = rememberedPerField((info) => leanRegistrationAsked(fieldsAt(info, []) ?? new Set()));

/** The session fields `Event.sessions` asks, as the field itself sees them (the same as `eventPartsAsked`'s for a list's rows). */
export const sessionFieldsOfField = rememberedPerField((info) => sessionFieldsAsked(fieldsAt(info, []) ?? new Set()));

/** Per-request batch loaders for the events feature: one statement per field per list level. */
@Injectable()
export class EventsLoader {
  constructor(
    private readonly events: EventsRepository,
    private readonly registrations: RegistrationsRepository,
    private readonly attendance: AttendanceRepository,
    private readonly users: UsersLoader,
    private readonly members: MembersLoader,
  ) {}

  eventById(ctx: RequestContext): DataLoader<string, EventRow | undefined> {
    return ctx.loaders.get('events.eventById', () => new DataLoader((ids: readonly string[]) => this.events.findByIds(ids)));
  }

  /** Each event's sessions with the fields asked (`sessionFieldsAsked`): a loader per list of fields, so rows read with fewer never answer a field asking more. */
  sessionsByEventId(ctx: RequestContext, fields: readonly SessionField[]): DataLoader<string, EventSessionRow[]> {
    return ctx.loaders.get(`events.sessionsByEventId:${fields.join(',')}`, () =>
      new DataLoader((ids: readonly string[]) => this.events.sessionsByEventIds(ids, undefined, fields)));
  }

  /**
   * Hands what a list of events read with its rows to the loaders of `Event.sessions` and `Event.myRegistration`, through
   * the request's `prime` so those fields answer without a promise.
   */
  primeEventParts(ctx: RequestContext, rows: readonly EventListRow[], parts: EventParts, viewerId: string | undefined): void {
    const sessions = parts.sessions ? this.sessionsByEventId(ctx, parts.sessionFields) : undefined;
    const registrations = parts.viewerRegistration && viewerId ? this.viewerRegistrationByEventId(ctx, viewerId, parts.viewerRegistrationLean) : undefined;
    // A whole registration answers the lean loader's fields too (`onlineUrl` reads it).
    const lean = registrations && !parts.viewerRegistrationLean ? this.viewerRegistrationByEventId(ctx, viewerId!, true) : undefined;
    for (const row of rows) {
      if (sessions) ctx.loaders.prime(sessions, row.id, row.sessions ?? []);
      if (registrations) ctx.loaders.prime(registrations, row.id, row.viewerRegistration);
      if (lean) ctx.loaders.prime(lean, row.id, row.viewerRegistration);
    }
  }

  /**
   * The signed-in viewer's registration for each event (live, else latest): every column, or with `lean` only the lean
   * ones (a loader of its own, so a lean row never answers a field asking more).
   */
  viewerRegistrationByEventId(ctx: RequestContext, viewerId: string, lean = false): DataLoader<string, RegistrationRow | undefined> {
    return ctx.loaders.get(`events.viewerRegistration${lean ? '.lean' : ''}.${viewerId}`, () =>
      new DataLoader((eventIds: readonly string[]) => this.registrations.forUserByEventIds(viewerId, eventIds, lean)));
  }

  /**
   * Each event's registrations, `limit` at most after the (decoded) cursor, with the registrant `parts` asked for:
   * one statement per list level (staff pages list many events).
   */
  registrationsPage(ctx: RequestContext, limit: number, after: readonly [string, string] | undefined, parts: RegistrantParts): DataLoader<string, RegistrationWithRegistrant[]> {
    return ctx.loaders.get(`events.registrationsPage.${limit}.${after?.join(',') ?? ''}.${parts.key}`, () =>
      new DataLoader((eventIds: readonly string[]) => this.registrations.pagesForEvents(eventIds, limit, after, parts)));
  }

  /**
   * Hands what a registration list read with its rows to the loaders that would read it again: the registrant
   * to accounts' users loader, their membership (none included) to members' loader, through the request's
   * `prime` so those fields answer without a promise. The fields keep their guards; they only find the rows there.
   * Registrants read with fewer columns (`registrantsCarried`) stay on their rows instead.
   */
  primeRegistrants(ctx: RequestContext, rows: readonly RegistrationWithRegistrant[], parts: RegistrantParts): void {
    if (registrantsCarried(parts)) {
      // Read with only the columns this list asks for: each row's own registrant (Registration.user answers it) carries
      // its membership; no loader hands either to any other field.
      if (parts.membership) for (const row of rows) if (row.user) carryMembership(row.user, row.membership ?? null);
      return;
    }
    const users = parts.user ? this.users.byId(ctx) : undefined;
    const memberships = parts.membership ? this.members.membershipByUserId(ctx) : undefined;
    for (const row of rows) {
      if (users && row.user) ctx.loaders.prime(users, row.userId, row.user);
      if (memberships) ctx.loaders.prime(memberships, row.userId, row.membership);
    }
  }

  registrationCount(ctx: RequestContext): DataLoader<string, number> {
    return ctx.loaders.get('events.registrationCount', () => new DataLoader((eventIds: readonly string[]) => this.registrations.countsForEvents(eventIds)));
  }

  waitlistPosition(ctx: RequestContext): DataLoader<string, number | null> {
    return ctx.loaders.get('events.waitlistPosition', () => new DataLoader((ids: readonly string[]) => this.registrations.waitlistPositions(ids)));
  }

  attendanceByRegistrationId(ctx: RequestContext): DataLoader<string, AttendedSession[]> {
    return ctx.loaders.get('events.attendance', () => new DataLoader((ids: readonly string[]) => this.attendance.byRegistrationIds(ids)));
  }
}
