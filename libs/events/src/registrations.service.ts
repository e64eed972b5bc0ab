import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, AuditService, conflict, enqueue, ErrorCode, forbidden, isUniqueViolation, notFound, StaffPermission, type Viewer, viewerHasPermission } from '../../core/src/index.js';
import { EventEntity } from './entities/event.entity.js';
import { RegistrationEntity } from './entities/registration.entity.js';
import { EVENTS_CONFIG, type EventsConfig } from './events.config.js';
import { EventStatus, RegistrationEndReason, RegistrationStatus } from './events.enums.js';
import { EventsErrorReason, membersOnly, soldOut, wrongEventStatus, wrongRegistrationStatus } from './events.errors.js';
import { EventMailer } from './event-mailer.js';
import { EventPaymentsRepository } from './event-payments.repository.js';
import { EventsRepository } from './events.repository.js';
import { RegistrantContacts } from './registrant-contacts.js';
import { type Registrant, RegistrationsRepository } from './registrations.repository.js';
import { MembershipStandingPort } from '../../members/src/index.js';
import { SeatPaymentsService } from './seat-payments.service.js';
import { EXPIRE_CHECKOUT_TASK, WaitlistService } from './waitlist.service.js';
import { REFUND_TASK } from './seat-payments.service.js';

const MINUTE = 60_000;
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A ticket code: 10 characters without look-alikes (I/1, O/0), about 50 bits. */
export function newCheckInCode(): string {
  return Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** Members in good standing pay the member price less their tier's discount; everyone else the non-member price. */
export function priceFor(event: EventEntity, registrant: Registrant): number {
  if (registrant.discountPercent === null) return event.nonMemberPriceAmount;
  return Math.round((event.memberPriceAmount * (100 - registrant.discountPercent)) / 100);
}

export interface ActingContext {
  actor: Viewer;
  requestId: string;
}

/** Registering, cancelling and taking up offers: every seat decision is made with the event row locked. */
@Injectable()
export class RegistrationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsRepository,
    private readonly registrations: RegistrationsRepository,
    private readonly payments: EventPaymentsRepository,
    private readonly waitlist: WaitlistService,
    private readonly seatPayments: SeatPaymentsService,
    private readonly mailer: EventMailer,
    private readonly audit: AuditService,
    @Inject(EVENTS_CONFIG) private readonly config: EventsConfig,
    private readonly contacts: RegistrantContacts,
    private readonly standing: MembershipStandingPort,
  ) {}

  /** Who is registering and what discount they get: the members feature decides who is in good standing. */
  private async registrant(manager: EntityManager | undefined, userId: string): Promise<Registrant | undefined> {
    const contact = (await this.contacts.many(manager, [userId])).get(userId);
    if (!contact) return undefined;
    const [standing] = await this.standing.of([userId], manager);
    return { id: userId, ...contact, discountPercent: standing.inGoodStanding ? (standing.memberDiscountPercent ?? 0) : null };
  }


  /** Visible to its registrant and admins; anyone else is told it does not exist. */
  async findVisible(viewer: Viewer, id: string): Promise<RegistrationEntity> {
    const registration = await this.registrations.findById(id);
    if (!registration || (registration.userId !== viewer.id && !viewerHasPermission(viewer, StaffPermission.EVENT_MANAGER, StaffPermission.CHECK_IN))) throw notFound('Registration');
    return registration;
  }

  async register(viewer: Viewer, eventId: string): Promise<RegistrationEntity> {
    // Read before the event lock is taken, so the lock is held only for the seat decision: who registers, and whether
    // they hold a live registration already (the clear error; one made meanwhile meets the unique index, caught below).
    const [registrant, live] = await Promise.all([this.registrant(undefined, viewer.id), this.registrations.findLive(undefined, eventId, viewer.id)]);
    if (!registrant) throw notFound('User');
    if (live) throw this.alreadyRegistered();
    let registration: RegistrationEntity;
    let event: EventEntity;
    try {
      ({ registration, event } = await this.dataSource.transaction(async (manager) => {
        const locked = await this.lockVisibleEvent(manager, viewer, eventId);
        const now = new Date();
        this.assertOpen(locked, now);
        if (locked.membersOnly && registrant.discountPercent === null) throw membersOnly();
        const price = priceFor(locked, registrant);
        const draft: Partial<RegistrationEntity> = { eventId: locked.id, userId: viewer.id, priceAmount: price, priceCurrency: locked.priceCurrency, checkInCode: newCheckInCode() };
        const entity = manager.getRepository(RegistrationEntity).create(draft);
        let position = 0;
        if (this.waitlist.seatForNewcomer(locked)) {
          if (price > 0 && !this.seatPayments.configured) throw new AppError(ErrorCode.PAYMENTS_NOT_CONFIGURED, 'Paid seats need payments to be configured');
          locked.seatsTaken += 1;
          entity.status = price === 0 ? RegistrationStatus.CONFIRMED : RegistrationStatus.PENDING_PAYMENT;
          if (price === 0) entity.confirmedAt = now;
          else entity.holdExpiresAt = new Date(now.getTime() + (this.config.holdMinutes + 1) * MINUTE);
        } else if (this.waitlist.queueHasRoom(locked)) {
          position = this.waitlist.enqueue(locked, entity);
        } else {
          throw soldOut(locked.waitlistLimit === 0);
        }
        const saved = await this.registrations.save(manager, entity);
        await this.events.saveCounters(manager, locked);
        const to = { userId: viewer.id, email: registrant.email, fullName: registrant.fullName };
        if (saved.status === RegistrationStatus.CONFIRMED) await this.mailer.confirmed(manager, to, locked, saved);
        if (saved.status === RegistrationStatus.WAITLISTED) await this.mailer.waitlisted(manager, to, locked, saved.id, saved.waitlistSeq ?? 0, position);
        return { registration: saved, event: locked };
      }));
    } catch (error) {
      if (isUniqueViolation(error, 'event_registrations_one_live_per_person_uq')) throw this.alreadyRegistered();
      throw error;
    }
    if (registration.status !== RegistrationStatus.PENDING_PAYMENT) return registration;
    return this.seatPayments.openCheckout(registration, event, registrant.email);
  }

  /** The registrant or an admin. A paid seat is refunded; the freed seat goes to the head of the queue. */
  async cancel(ctx: ActingContext, registrationId: string): Promise<RegistrationEntity> {
    const found = await this.findVisible(ctx.actor, registrationId);
    const byAdmin = found.userId !== ctx.actor.id;
    // Door staff (CHECK_IN) may see a registration, but cancelling (and refunding) someone else's is event management.
    if (byAdmin && !viewerHasPermission(ctx.actor, StaffPermission.EVENT_MANAGER)) throw forbidden('Only event managers may cancel another person’s registration');
    return this.dataSource.transaction(async (manager) => {
      const event = await this.lockEvent(manager, found.eventId);
      const registration = await this.lockRegistration(manager, registrationId);
      const now = new Date(); // after the lock: times follow the order in which seats moved
      if (registration.status === RegistrationStatus.CANCELLED) throw wrongRegistrationStatus(registration.status, 'cancelled');
      const sessionId = registration.status === RegistrationStatus.PENDING_PAYMENT ? registration.checkoutSessionId : null;
      const before = registration.status;
      this.waitlist.vacate(event, registration);
      this.waitlist.cancel(registration, byAdmin ? RegistrationEndReason.BY_ADMIN : RegistrationEndReason.BY_REGISTRANT, now);
      await this.registrations.save(manager, registration);
      await this.waitlist.promote(manager, event, now);
      await this.events.saveCounters(manager, event);
      const refunds = await this.payments.markForRefund(manager, [registration.id], 'registration cancelled');
      for (const paymentId of refunds) await enqueue(manager, REFUND_TASK, { paymentId }, { jobKey: `refund:${paymentId}` });
      if (sessionId) await enqueue(manager, EXPIRE_CHECKOUT_TASK, { sessionId }, { jobKey: `expire:${sessionId}` });
      const contact = await this.contacts.of(manager, registration.userId);
      await this.mailer.registrationCancelled(manager, { userId: registration.userId, ...contact }, event, registration.id, refunds.length > 0);
      if (byAdmin) {
        await this.audit.record(manager, {
          actorId: ctx.actor.id, action: 'event.registration.cancel', targetType: 'Registration', targetId: registration.id,
          before: { status: before }, after: { status: registration.status, refunds: refunds.length }, requestId: ctx.requestId,
        });
      }
      return registration;
    });
  }

  /** The registrant takes up an offered seat: confirmed at once when free, else held while they pay. */
  async acceptOffer(viewer: Viewer, registrationId: string): Promise<RegistrationEntity> {
    const found = await this.registrations.findById(registrationId);
    if (!found || found.userId !== viewer.id) throw notFound('Registration');
    const now = new Date();
    const { registration, event, reopen } = await this.dataSource.transaction(async (manager) => {
      const locked = await this.lockEvent(manager, found.eventId);
      const reg = await this.lockRegistration(manager, registrationId);
      // Accepted already and the payment page is open: the same answer again.
      if (reg.status === RegistrationStatus.PENDING_PAYMENT && reg.offersMade > 0) return { registration: reg, event: locked, reopen: !reg.checkoutUrl };
      if (reg.status !== RegistrationStatus.OFFERED) throw wrongRegistrationStatus(reg.status, 'accepted');
      if (!reg.offerExpiresAt || reg.offerExpiresAt <= now) {
        throw new AppError(ErrorCode.CONFLICT, 'This offer has expired and passes to the next person', { reason: EventsErrorReason.OFFER_EXPIRED });
      }
      if (reg.priceAmount === 0) {
        reg.status = RegistrationStatus.CONFIRMED;
        reg.confirmedAt = now;
        reg.offerExpiresAt = null;
        await this.registrations.save(manager, reg);
        const contact = await this.contacts.of(manager, reg.userId);
        await this.mailer.confirmed(manager, { userId: reg.userId, ...contact }, locked, reg, true);
        return { registration: reg, event: locked, reopen: false };
      }
      if (!this.seatPayments.configured) throw new AppError(ErrorCode.PAYMENTS_NOT_CONFIGURED, 'Paid seats need payments to be configured');
      const earliest = now.getTime() + (this.config.holdMinutes + 1) * MINUTE;
      const latest = now.getTime() + 23 * 60 * MINUTE;
      reg.status = RegistrationStatus.PENDING_PAYMENT;
      reg.holdExpiresAt = new Date(Math.min(Math.max(reg.offerExpiresAt.getTime(), earliest), latest));
      reg.checkoutSessionId = null;
      reg.checkoutUrl = null;
      await this.registrations.save(manager, reg);
      return { registration: reg, event: locked, reopen: true };
    });
    if (!reopen) return registration;
    const contact = await this.contacts.of(undefined, viewer.id);
    return this.seatPayments.openCheckout(registration, event, contact.email);
  }

  /**
   * EVENT_MANAGER staff offer a free seat to one waitlisted person (in or out of queue order), under the
   * same event lock as the automatic offers and through the same path (same expiry, same email). Audited.
   */
  async offerSeat(ctx: ActingContext, registrationId: string): Promise<RegistrationEntity> {
    const found = await this.registrations.findById(registrationId);
    if (!found) throw notFound('Registration');
    return this.dataSource.transaction(async (manager) => {
      const event = await this.lockEvent(manager, found.eventId);
      const registration = await this.lockRegistration(manager, registrationId);
      const now = new Date(); // after the lock, as for every seat move
      if (event.status !== EventStatus.PUBLISHED || now >= event.startsAt) throw wrongEventStatus(event.status === EventStatus.PUBLISHED ? 'started' : event.status, 'offered from');
      if (registration.status !== RegistrationStatus.WAITLISTED) throw wrongRegistrationStatus(registration.status, 'offered a seat');
      if (!this.waitlist.hasFreeSeat(event)) throw new AppError(ErrorCode.CONFLICT, 'No seat is free: every seat is taken or offered', { reason: EventsErrorReason.NO_FREE_SEAT });
      await this.waitlist.seat(manager, event, registration, now);
      await this.events.saveCounters(manager, event);
      await this.audit.record(manager, {
        actorId: ctx.actor.id, action: 'event.registration.offer', targetType: 'Registration', targetId: registration.id,
        before: { status: RegistrationStatus.WAITLISTED }, after: { status: registration.status, offerExpiresAt: registration.offerExpiresAt?.toISOString() ?? null }, requestId: ctx.requestId,
      });
      return registration;
    });
  }

  private alreadyRegistered(): AppError {
    return conflict('You are already registered for this event (or on its waitlist)', EventsErrorReason.ALREADY_REGISTERED);
  }

  private async lockVisibleEvent(manager: EntityManager, viewer: Viewer, eventId: string): Promise<EventEntity> {
    const event = await this.events.lockById(manager, eventId);
    if (!event || (event.status === EventStatus.DRAFT && !viewerHasPermission(viewer, StaffPermission.EVENT_MANAGER))) throw notFound('Event');
    return event;
  }

  private async lockEvent(manager: EntityManager, eventId: string): Promise<EventEntity> {
    const event = await this.events.lockById(manager, eventId);
    if (!event) throw notFound('Event');
    return event;
  }

  private async lockRegistration(manager: EntityManager, id: string): Promise<RegistrationEntity> {
    const registration = await this.registrations.lockById(manager, id);
    if (!registration) throw notFound('Registration');
    return registration;
  }

  private assertOpen(event: EventEntity, now: Date): void {
    if (event.status !== EventStatus.PUBLISHED) throw wrongEventStatus(event.status, 'registered for');
    if (event.registrationOpensAt && now < event.registrationOpensAt) {
      throw new AppError(ErrorCode.CONFLICT, `Registration opens at ${event.registrationOpensAt.toISOString()}`, { reason: EventsErrorReason.REGISTRATION_NOT_OPEN });
    }
    const closes = event.registrationClosesAt ?? event.startsAt;
    if (now >= closes) throw new AppError(ErrorCode.CONFLICT, 'Registration for this event has closed', { reason: EventsErrorReason.REGISTRATION_CLOSED });
  }
}
