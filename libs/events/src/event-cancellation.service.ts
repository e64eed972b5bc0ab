import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, enqueue, money, notFound } from '../../core/src/index.js';
import { EventEntity } from './entities/event.entity.js';
import { EventStatus, RegistrationEndReason, RegistrationStatus } from './events.enums.js';
import { wrongEventStatus } from './events.errors.js';
import { EventMailer } from './event-mailer.js';
import { EventPaymentsRepository } from './event-payments.repository.js';
import { EventsRepository } from './events.repository.js';
import { type ActingContext } from './registrations.service.js';
import { RegistrantContacts } from './registrant-contacts.js';
import { RegistrationsRepository } from './registrations.repository.js';
import { REFUND_TASK } from './seat-payments.service.js';
import { type EventCancellationPreview } from './types/cancellation-preview.type.js';
import { EXPIRE_CHECKOUT_TASK } from './waitlist.service.js';

/** Cancelling an event: every live registration ends, every paid seat is refunded, everyone is told — in one transaction. */
@Injectable()
export class EventCancellationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsRepository,
    private readonly registrations: RegistrationsRepository,
    private readonly payments: EventPaymentsRepository,
    private readonly mailer: EventMailer,
    private readonly audit: AuditService,
    private readonly contacts: RegistrantContacts,
  ) {}

  /** What `cancel` would do now (counts of who is told and what is refunded); reads only. */
  async preview(id: string): Promise<EventCancellationPreview> {
    const event = await this.events.findById(id);
    if (!event) throw notFound('Event');
    if (event.status !== EventStatus.DRAFT && event.status !== EventStatus.PUBLISHED) throw wrongEventStatus(event.status, 'cancelled');
    const [counts, paid] = await Promise.all([this.registrations.liveCountsByStatus(id), this.payments.paidTotalsForEvent(id)]);
    const n = (status: RegistrationStatus) => counts.get(status) ?? 0;
    return {
      eventId: id,
      registrationsToCancel: [...counts.values()].reduce((a, b) => a + b, 0),
      confirmed: n(RegistrationStatus.CONFIRMED),
      waitlisted: n(RegistrationStatus.WAITLISTED),
      pendingPayment: n(RegistrationStatus.PENDING_PAYMENT),
      offered: n(RegistrationStatus.OFFERED),
      refunds: paid.reduce((a, p) => a + p.payments, 0),
      refundTotal: paid.map((p) => money(p.amount, p.currency)),
    };
  }

  async cancel(ctx: ActingContext, id: string, reason: string): Promise<EventEntity> {
    return this.dataSource.transaction(async (manager) => {
      const event = await this.events.lockById(manager, id);
      if (!event) throw notFound('Event');
      if (event.status !== EventStatus.DRAFT && event.status !== EventStatus.PUBLISHED) throw wrongEventStatus(event.status, 'cancelled');
      const now = new Date();
      const live = await this.registrations.lockLiveForEvent(manager, id);
      const openPages = live.filter((r) => r.status === RegistrationStatus.PENDING_PAYMENT && r.checkoutSessionId).map((r) => r.checkoutSessionId as string);
      await manager.query(
        `UPDATE event_registrations SET status = 'CANCELLED', end_reason = $2, cancelled_at = $3, waitlist_seq = NULL,
                hold_expires_at = NULL, offer_expires_at = NULL, checkout_url = NULL, updated_at = now()
          WHERE id = ANY($1)`,
        [live.map((r) => r.id), RegistrationEndReason.EVENT_CANCELLED, now],
      );
      const before = { status: event.status, seatsTaken: event.seatsTaken, waitlistCount: event.waitlistCount };
      event.status = EventStatus.CANCELLED;
      event.cancelledAt = now;
      event.cancelReason = reason;
      event.seatsTaken = 0;
      event.waitlistCount = 0;
      event.revision += 1;
      const saved = await this.events.save(manager, event);
      const refunds = await this.payments.markEventForRefund(manager, id, 'event cancelled');
      for (const refund of refunds) await enqueue(manager, REFUND_TASK, { paymentId: refund.id }, { jobKey: `refund:${refund.id}` });
      for (const sessionId of openPages) await enqueue(manager, EXPIRE_CHECKOUT_TASK, { sessionId }, { jobKey: `expire:${sessionId}` });
      const refunded = new Set(refunds.map((r) => r.registrationId));
      const contacts = await this.contacts.many(manager, live.map((r) => r.userId));
      for (const registration of live) {
        const to = { userId: registration.userId, email: contacts.get(registration.userId)?.email ?? '', fullName: contacts.get(registration.userId)?.fullName ?? '' };
        await this.mailer.eventCancelled(manager, to, saved, registration.id, reason, refunded.has(registration.id));
      }
      await this.audit.record(manager, {
        actorId: ctx.actor.id, action: 'event.cancel', targetType: 'Event', targetId: id, before,
        after: { status: EventStatus.CANCELLED, reason, registrationsCancelled: live.length, refunds: refunds.length }, requestId: ctx.requestId,
      });
      return saved;
    });
  }
}
