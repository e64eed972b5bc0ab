import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, badInput, DomainEvents, notFound } from '../../core/src/index.js';
import { AttendanceRepository } from './attendance.repository.js';
import { RegistrationEntity } from './entities/registration.entity.js';
import { EventStatus, RegistrationStatus } from './events.enums.js';
import { wrongEventStatus, wrongRegistrationStatus } from './events.errors.js';
import { EventsRepository } from './events.repository.js';
import { type ActingContext } from './registrations.service.js';
import { RegistrationsRepository } from './registrations.repository.js';
import { CheckInOutcome, type EventCheckInCounts } from './tickets/ticket-check-in.type.js';

/** Verified attendance: staff check a confirmed registrant in to a session (or to the one session of the event). */
@Injectable()
export class CheckInService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsRepository,
    private readonly registrations: RegistrationsRepository,
    private readonly attendance: AttendanceRepository,
    private readonly audit: AuditService,
    private readonly domainEvents: DomainEvents,
  ) {}

  async checkInByCode(ctx: ActingContext, code: string, sessionId: string | undefined): Promise<RegistrationEntity> {
    const registration = await this.registrations.findByCheckInCode(code);
    if (!registration) throw notFound('Registration with that check-in code');
    return this.checkIn(ctx, registration.id, sessionId);
  }

  /**
   * The door screen: a ticket code for this event answers with an outcome rather than an error, so
   * staff see at once whether to let the person in. An unknown code is NOT_FOUND.
   */
  async checkInTicket(ctx: ActingContext, eventId: string, code: string, sessionId: string | undefined): Promise<{ outcome: CheckInOutcome; registration: RegistrationEntity }> {
    const found = await this.registrations.findByCheckInCode(code);
    if (!found) throw notFound('Registration with that check-in code');
    return this.dataSource.transaction(async (manager) => {
      const registration = await this.registrations.lockById(manager, found.id);
      if (!registration) throw notFound('Registration with that check-in code');
      if (registration.eventId !== eventId) return { outcome: CheckInOutcome.WRONG_EVENT, registration };
      if (registration.status !== RegistrationStatus.CONFIRMED) return { outcome: CheckInOutcome.NOT_CONFIRMED, registration };
      const recorded = await this.record(manager, ctx, registration, sessionId);
      return { outcome: recorded ? CheckInOutcome.CHECKED_IN : CheckInOutcome.ALREADY_CHECKED_IN, registration };
    });
  }

  /** Confirmed registrants and, per session, how many are checked in: one statement, for a screen that polls. */
  async counts(eventId: string): Promise<EventCheckInCounts> {
    const counts = await this.attendance.checkInCounts(eventId);
    if (!counts) throw notFound('Event');
    return counts;
  }

  /** Checking in twice is harmless: the first check-in stands. */
  async checkIn(ctx: ActingContext, registrationId: string, sessionId: string | undefined): Promise<RegistrationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const registration = await this.registrations.lockById(manager, registrationId);
      if (!registration) throw notFound('Registration');
      if (registration.status !== RegistrationStatus.CONFIRMED) throw wrongRegistrationStatus(registration.status, 'checked in');
      await this.record(manager, ctx, registration, sessionId);
      return registration;
    });
  }

  /** Records attendance of a locked, confirmed registration; true when the check-in is new. */
  private async record(manager: EntityManager, ctx: ActingContext, registration: RegistrationEntity, sessionId: string | undefined): Promise<boolean> {
    const event = await this.events.findById(registration.eventId, manager);
    if (!event) throw notFound('Event');
    if (event.status !== EventStatus.PUBLISHED && event.status !== EventStatus.COMPLETED) throw wrongEventStatus(event.status, 'checked in to');
    const [sessions] = await this.events.sessionsByEventIds([event.id], manager);
    let session = sessionId ? sessions.find((s) => s.id === sessionId) : undefined;
    if (sessionId && !session) throw badInput('sessionId', 'is not a session of this event');
    if (!sessionId) {
      if (sessions.length !== 1) throw badInput('sessionId', `is required: this event has ${sessions.length} sessions`);
      session = sessions[0];
    }
    const recorded = await this.attendance.record(manager, registration.id, session!.id, ctx.actor.id);
    if (recorded) {
      await this.audit.record(manager, {
        actorId: ctx.actor.id, action: 'event.checkIn', targetType: 'Registration', targetId: registration.id,
        after: { sessionId: session!.id, eventId: event.id }, requestId: ctx.requestId,
      });
      await this.domainEvents.record(manager, 'event.attendance.recorded', { registrationId: registration.id, eventId: event.id, sessionId: session!.id, userId: registration.userId });
    }
    return recorded;
  }
}
