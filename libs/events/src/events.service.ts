import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, AuditService, badInput, type ConnectionShape, ErrorCode, notFound, StaffPermission, type Viewer, viewerHasPermission } from '../../core/src/index.js';
import { EventsArgs } from './args/event.args.js';
import { EventEntity } from './entities/event.entity.js';
import { EventStatus } from './events.enums.js';
import { EventsErrorReason, wrongEventStatus } from './events.errors.js';
import { type EventParts } from './events.loader.js';
import { type EventListRow, EventsRepository, type NewSession } from './events.repository.js';
import { CreateEventInput, EventSessionInput, UpdateEventInput } from './inputs/event.inputs.js';
import { type ActingContext } from './registrations.service.js';
import { WaitlistService } from './waitlist.service.js';

const PUBLIC_STATUSES = [EventStatus.PUBLISHED, EventStatus.CANCELLED, EventStatus.COMPLETED] as const;

/** Creating, changing and listing events (cancellation lives in EventCancellationService). */
@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsRepository,
    private readonly waitlist: WaitlistService,
    private readonly audit: AuditService,
  ) {}

  /** Drafts are for admins and event managers only; anyone else is told the event does not exist. */
  async findVisible(viewer: Viewer | undefined, id: string): Promise<EventEntity | null> {
    const event = await this.events.findById(id);
    if (!event || (event.status === EventStatus.DRAFT && !viewerHasPermission(viewer, StaffPermission.EVENT_MANAGER))) return null;
    return event;
  }

  /** `parts`: what the request's fields ask of each event, read in the list's statement (the viewer's registration: signed in only). */
  list(viewer: Viewer | undefined, args: EventsArgs, parts?: EventParts): Promise<ConnectionShape<EventListRow>> {
    if (args.from && args.to && args.from >= args.to) throw badInput('to', 'must be after from');
    const admin = viewerHasPermission(viewer, StaffPermission.EVENT_MANAGER);
    if (args.status && !admin && !(PUBLIC_STATUSES as readonly string[]).includes(args.status)) {
      throw new AppError(ErrorCode.FORBIDDEN, 'Only admins and event managers may list draft events');
    }
    const statuses = args.status ? [args.status] : admin ? Object.values(EventStatus) : PUBLIC_STATUSES;
    return this.events.list({ ...args, statuses }, {
      columns: parts?.columns,
      sessions: parts?.sessions,
      sessionFields: parts?.sessionFields,
      viewerRegistrationOf: parts?.viewerRegistration ? viewer?.id : undefined,
      viewerRegistrationLean: parts?.viewerRegistrationLean,
    });
  }

  async create(ctx: ActingContext, input: CreateEventInput): Promise<EventEntity> {
    this.checkTimes(input.startsAt, input.endsAt, input.registrationOpensAt ?? null, input.registrationClosesAt ?? null);
    this.checkCurrencies(input.memberPrice.currency, input.nonMemberPrice.currency);
    const sessions = input.sessions?.length
      ? this.checkSessions(input.sessions, input.startsAt, input.endsAt, 'input.sessions')
      : [{ title: input.title, startsAt: input.startsAt, endsAt: input.endsAt, ceCredits: input.ceCredits ?? 0, ceCategory: input.ceCategory ?? null }];
    return this.dataSource.transaction(async (manager) => {
      const event = await this.events.insert(manager, {
        title: input.title,
        description: input.description ?? null,
        kind: input.kind,
        format: input.format,
        status: EventStatus.DRAFT,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        timezone: input.timezone,
        venue: input.venue ?? null,
        onlineUrl: input.onlineUrl ?? null,
        capacity: input.capacity ?? null,
        waitlistLimit: input.waitlistLimit ?? null,
        registrationOpensAt: input.registrationOpensAt ?? null,
        registrationClosesAt: input.registrationClosesAt ?? null,
        memberPriceAmount: input.memberPrice.amount,
        nonMemberPriceAmount: input.nonMemberPrice.amount,
        priceCurrency: input.memberPrice.currency,
        membersOnly: input.membersOnly,
        createdBy: ctx.actor.id,
      });
      await this.events.replaceSessions(manager, event.id, sessions);
      await this.audit.record(manager, {
        actorId: ctx.actor.id, action: 'event.create', targetType: 'Event', targetId: event.id,
        after: { title: event.title, startsAt: event.startsAt.toISOString(), capacity: event.capacity, waitlistLimit: event.waitlistLimit }, requestId: ctx.requestId,
      });
      return event;
    });
  }

  async update(ctx: ActingContext, id: string, input: UpdateEventInput): Promise<EventEntity> {
    for (const key of ['title', 'kind', 'format', 'startsAt', 'endsAt', 'timezone', 'memberPrice', 'nonMemberPrice', 'membersOnly', 'sessions'] as const) {
      if (input[key] === null) throw badInput(`input.${key}`, 'cannot be cleared');
    }
    return this.dataSource.transaction(async (manager) => {
      const event = await this.lock(manager, id);
      if (event.status === EventStatus.CANCELLED || event.status === EventStatus.COMPLETED) throw wrongEventStatus(event.status, 'changed');
      const before = { title: event.title, startsAt: event.startsAt.toISOString(), endsAt: event.endsAt.toISOString(), capacity: event.capacity, waitlistLimit: event.waitlistLimit };
      const assign = <K extends keyof EventEntity>(key: K, value: EventEntity[K] | undefined) => {
        if (value !== undefined) event[key] = value;
      };
      assign('title', input.title);
      assign('description', input.description);
      assign('kind', input.kind);
      assign('format', input.format);
      assign('startsAt', input.startsAt);
      assign('endsAt', input.endsAt);
      assign('timezone', input.timezone);
      assign('venue', input.venue);
      assign('onlineUrl', input.onlineUrl);
      assign('registrationOpensAt', input.registrationOpensAt);
      assign('registrationClosesAt', input.registrationClosesAt);
      assign('membersOnly', input.membersOnly);
      assign('waitlistLimit', input.waitlistLimit);
      if (input.memberPrice) event.memberPriceAmount = input.memberPrice.amount;
      if (input.nonMemberPrice) event.nonMemberPriceAmount = input.nonMemberPrice.amount;
      const currency = input.memberPrice?.currency ?? input.nonMemberPrice?.currency ?? event.priceCurrency;
      this.checkCurrencies(input.memberPrice?.currency ?? currency, input.nonMemberPrice?.currency ?? currency);
      event.priceCurrency = currency;
      this.checkTimes(event.startsAt, event.endsAt, event.registrationOpensAt, event.registrationClosesAt);
      if (input.capacity !== undefined) {
        if (input.capacity !== null && input.capacity < event.seatsTaken) {
          throw new AppError(ErrorCode.BAD_USER_INPUT, `input.capacity: must be at least ${event.seatsTaken}, the seats already taken`, {
            fields: [{ path: 'input.capacity', message: `must be at least ${event.seatsTaken}, the seats already taken` }],
            reason: EventsErrorReason.CAPACITY_BELOW_TAKEN,
          });
        }
        event.capacity = input.capacity;
      }
      if (input.sessions) {
        if (await this.events.anyAttendance(manager, event.id)) {
          throw new AppError(ErrorCode.CONFLICT, 'Sessions cannot be replaced once anyone has checked in', { reason: EventsErrorReason.WRONG_EVENT_STATUS });
        }
        await this.events.replaceSessions(manager, event.id, this.checkSessions(input.sessions, event.startsAt, event.endsAt, 'input.sessions'));
      }
      event.revision += 1;
      const saved = await this.events.save(manager, event);
      // More seats (or none limiting): the queue moves up at once.
      await this.waitlist.promote(manager, saved, new Date());
      await this.events.saveCounters(manager, saved);
      await this.audit.record(manager, {
        actorId: ctx.actor.id, action: 'event.update', targetType: 'Event', targetId: event.id, before,
        after: { title: saved.title, startsAt: saved.startsAt.toISOString(), endsAt: saved.endsAt.toISOString(), capacity: saved.capacity, waitlistLimit: saved.waitlistLimit }, requestId: ctx.requestId,
      });
      return saved;
    });
  }

  async publish(ctx: ActingContext, id: string): Promise<EventEntity> {
    return this.dataSource.transaction(async (manager) => {
      const event = await this.lock(manager, id);
      if (event.status !== EventStatus.DRAFT) throw wrongEventStatus(event.status, 'published');
      if (event.endsAt <= new Date()) throw new AppError(ErrorCode.CONFLICT, 'An event that has ended cannot be published', { reason: EventsErrorReason.WRONG_EVENT_STATUS });
      event.status = EventStatus.PUBLISHED;
      event.publishedAt = new Date();
      event.revision += 1;
      const saved = await this.events.save(manager, event);
      await this.audit.record(manager, {
        actorId: ctx.actor.id, action: 'event.publish', targetType: 'Event', targetId: id,
        before: { status: EventStatus.DRAFT }, after: { status: EventStatus.PUBLISHED }, requestId: ctx.requestId,
      });
      return saved;
    });
  }

  private async lock(manager: EntityManager, id: string): Promise<EventEntity> {
    const event = await this.events.lockById(manager, id);
    if (!event) throw notFound('Event');
    return event;
  }

  private checkTimes(startsAt: Date, endsAt: Date, opensAt: Date | null, closesAt: Date | null): void {
    if (endsAt <= startsAt) throw badInput('input.endsAt', 'must be after startsAt');
    if (opensAt && closesAt && closesAt <= opensAt) throw badInput('input.registrationClosesAt', 'must be after registrationOpensAt');
    if (closesAt && closesAt > endsAt) throw badInput('input.registrationClosesAt', 'must not be after the event ends');
  }

  private checkCurrencies(member: string, nonMember: string): void {
    if (member !== nonMember) throw badInput('input.nonMemberPrice.currency', 'must be the same currency as memberPrice');
  }

  private checkSessions(sessions: EventSessionInput[], startsAt: Date, endsAt: Date, path: string): NewSession[] {
    return sessions.map((s, index) => {
      if (s.endsAt <= s.startsAt) throw badInput(`${path}.${index}.endsAt`, 'must be after startsAt');
      if (s.startsAt < startsAt || s.endsAt > endsAt) throw badInput(`${path}.${index}.startsAt`, 'must fall within the event');
      return { title: s.title, startsAt: s.startsAt, endsAt: s.endsAt, ceCredits: s.ceCredits, ceCategory: s.ceCategory ?? null };
    });
  }
}
