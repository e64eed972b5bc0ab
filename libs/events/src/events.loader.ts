import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { type RequestContext } from '../../core/src/index.js';
import { type RegistrationRow } from './types/registration.type.js';
import { AttendanceRepository, type AttendedSession } from './attendance.repository.js';
import { type EventRow } from './types/event.type.js';
import { RegistrationEntity } from './entities/registration.entity.js';
import { EventsRepository, type EventSessionRow } from './events.repository.js';
import { RegistrationsRepository } from './registrations.repository.js';

/** Per-request batch loaders for the events feature: one statement per field per list level. */
@Injectable()
export class EventsLoader {
  constructor(
    private readonly events: EventsRepository,
    private readonly registrations: RegistrationsRepository,
    private readonly attendance: AttendanceRepository,
  ) {}

  eventById(ctx: RequestContext): DataLoader<string, EventRow | undefined> {
    return ctx.loaders.get('events.eventById', () => new DataLoader((ids: readonly string[]) => this.events.findByIds(ids)));
  }

  sessionsByEventId(ctx: RequestContext): DataLoader<string, EventSessionRow[]> {
    return ctx.loaders.get('events.sessionsByEventId', () => new DataLoader((ids: readonly string[]) => this.events.sessionsByEventIds(ids)));
  }

  /** The signed-in viewer's registration for each event (live, else latest). */
  viewerRegistrationByEventId(ctx: RequestContext, viewerId: string): DataLoader<string, RegistrationEntity | undefined> {
    return ctx.loaders.get(`events.viewerRegistration.${viewerId}`, () =>
      new DataLoader((eventIds: readonly string[]) => this.registrations.forUserByEventIds(viewerId, eventIds)));
  }

  /** Each event's registrations, `limit` at most after the (decoded) cursor: one statement per list level (staff pages list many events). */
  registrationsPage(ctx: RequestContext, limit: number, after: readonly [string, string] | undefined): DataLoader<string, RegistrationRow[]> {
    return ctx.loaders.get(`events.registrationsPage.${limit}.${after?.join(',') ?? ''}`, () =>
      new DataLoader((eventIds: readonly string[]) => this.registrations.pagesForEvents(eventIds, limit, after)));
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
