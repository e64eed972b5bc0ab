import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { enqueue, inTransaction, JobRegistry, ROOT_LOGGER, type RootLogger } from '../../core/src/index.js';
import { PaymentLedger, PaymentProvider, PaymentPurpose } from '../../payments/src/index.js';
import { EventPaymentStatus } from './entities/event-payment.entity.js';
import { EventEntity } from './entities/event.entity.js';
import { RegistrationEntity } from './entities/registration.entity.js';
import { RegistrationStatus } from './events.enums.js';
import { EventMailer } from './event-mailer.js';
import { EventPaymentsRepository } from './event-payments.repository.js';
import { RegistrantContacts } from './registrant-contacts.js';
import { EventsRepository } from './events.repository.js';
import { EVENT_PAYMENTS, type EventPaymentsPort } from './payments/event-payments.port.js';
import { RegistrationsRepository } from './registrations.repository.js';
import { EXPIRE_CHECKOUT_TASK, WaitlistService } from './waitlist.service.js';

export const REFUND_TASK = 'events-refund-payment';

/** What the webhook hands over from a Checkout Session of ours (see `events-webhook.handlers.ts`). */
export interface PaidCheckout {
  sessionId: string;
  registrationId: string;
  paymentIntentId: string | null;
  amount: number;
  currency: string;
}

/**
 * The money side of seats: opening the payment page for a hold, confirming the seat when the
 * payment arrives in time, refunding it when it arrives late, and the refund and page-closing jobs.
 */
@Injectable()
export class SeatPaymentsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsRepository,
    private readonly registrations: RegistrationsRepository,
    private readonly payments: EventPaymentsRepository,
    private readonly ledger: PaymentLedger,
    private readonly waitlist: WaitlistService,
    private readonly mailer: EventMailer,
    private readonly contacts: RegistrantContacts,
    private readonly jobs: JobRegistry,
    @Inject(EVENT_PAYMENTS) private readonly port: EventPaymentsPort,
    @Inject(ROOT_LOGGER) private readonly logger: RootLogger,
  ) {}

  onModuleInit(): void {
    this.jobs.register(REFUND_TASK, (payload) => this.refund((payload as { paymentId: string }).paymentId));
    this.jobs.register(EXPIRE_CHECKOUT_TASK, (payload) => this.port.expireCheckout((payload as { sessionId: string }).sessionId));
  }

  get configured(): boolean {
    return this.port.configured;
  }

  /**
   * After the hold is committed: opens the payment page. If the provider fails, the hold is undone
   * (a new registration disappears, an accepted offer is offered again) and the error is raised.
   */
  async openCheckout(registration: RegistrationEntity, event: EventEntity, email: string): Promise<RegistrationEntity> {
    let checkout;
    try {
      checkout = await this.port.createSeatCheckout({
        registrationId: registration.id,
        eventId: event.id,
        userId: registration.userId,
        email,
        description: `Seat: ${event.title} (${DateTime.fromJSDate(event.startsAt, { zone: event.timezone }).toFormat('d LLL yyyy')})`,
        amount: registration.priceAmount,
        currency: registration.priceCurrency,
        expiresAt: registration.holdExpiresAt ?? new Date(),
        idempotencyKey: `event-seat:${registration.id}:${registration.offersMade}`,
      });
    } catch (error) {
      await this.undoHold(registration.id);
      throw error;
    }
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.registrations.lockById(manager, registration.id);
      if (!locked || locked.status !== RegistrationStatus.PENDING_PAYMENT || locked.checkoutSessionId) {
        // Released (or opened) meanwhile: close this page; a payment on it would be refunded anyway.
        await enqueue(manager, EXPIRE_CHECKOUT_TASK, { sessionId: checkout.sessionId }, { jobKey: `expire:${checkout.sessionId}` });
        return locked ?? registration;
      }
      locked.checkoutSessionId = checkout.sessionId;
      locked.checkoutUrl = checkout.url;
      return this.registrations.save(manager, locked);
    });
  }

  private async undoHold(registrationId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const found = await this.registrations.findById(registrationId, manager);
      if (!found) return;
      const event = await this.events.lockById(manager, found.eventId);
      const registration = await this.registrations.lockById(manager, registrationId);
      if (!event || !registration || registration.status !== RegistrationStatus.PENDING_PAYMENT || registration.checkoutSessionId) return;
      if (registration.offersMade > 0) {
        registration.status = RegistrationStatus.OFFERED;
        registration.holdExpiresAt = null;
        await this.registrations.save(manager, registration);
        return;
      }
      event.seatsTaken -= 1;
      await manager.query(`DELETE FROM event_registrations WHERE id = $1`, [registration.id]);
      await this.waitlist.promote(manager, event, new Date());
      await this.events.saveCounters(manager, event);
    });
  }

  /**
   * A Checkout Session of ours was paid. In time (the hold is still this session's): the seat is
   * confirmed. Late (released, cancelled, or another page): recorded, refunded, and the person told.
   * Repeated deliveries change nothing. Joins the caller's transaction (the dispatcher's, which also
   * claims the Stripe event). Returns what changed.
   */
  async checkoutPaid(paid: PaidCheckout, outer?: EntityManager): Promise<string[]> {
    return inTransaction(this.dataSource, outer, async (manager) => {
      // The registration's event first (the seat lock), then the registration.
      const event = await this.events.lockByRegistrationId(manager, paid.registrationId);
      if (!event) {
        this.logger.warn({ context: 'events', sessionId: paid.sessionId }, 'Paid Checkout Session names no registration');
        return [];
      }
      const registration = await this.registrations.lockById(manager, paid.registrationId);
      if (!registration) return [];
      const inTime = registration.status === RegistrationStatus.PENDING_PAYMENT && registration.checkoutSessionId === paid.sessionId;
      const paymentId = await this.payments.insertOnce(manager, {
        registrationId: registration.id,
        eventId: event.id,
        userId: registration.userId,
        checkoutSessionId: paid.sessionId,
        paymentIntentId: paid.paymentIntentId,
        amount: paid.amount,
        currency: paid.currency.toUpperCase(),
        status: inTime ? EventPaymentStatus.PAID : EventPaymentStatus.REFUND_PENDING,
        refundReason: inTime ? null : 'payment arrived after the seat was released',
      });
      if (!paymentId) return []; // this session was recorded already
      // The platform's ledger (shared with dues): members see it in myPayments, admins in payments.
      await this.ledger.recordPayment(manager, {
        userId: registration.userId,
        purpose: PaymentPurpose.EVENT,
        provider: PaymentProvider.STRIPE,
        method: 'card',
        amount: paid.amount,
        currency: paid.currency.toUpperCase(),
        description: `Seat at ${event.title}`,
        stripePaymentIntentId: paid.paymentIntentId,
        stripeChargeId: null,
        stripeInvoiceId: null,
        stripeCustomerId: null,
        receiptUrl: null,
        externalReference: null,
        note: null,
        recordedBy: null,
        paidAt: new Date(),
      });
      const contact = await this.contacts.of(manager, registration.userId);
      const to = { userId: registration.userId, ...contact };
      if (inTime) {
        await this.registrations.confirmPaid(manager, registration, new Date());
        await this.mailer.confirmed(manager, to, event, registration, registration.offersMade > 0);
        return [`recorded payment for registration ${registration.id}: seat confirmed`];
      }
      await enqueue(manager, REFUND_TASK, { paymentId }, { jobKey: `refund:${paymentId}` });
      await this.mailer.lateRefund(manager, to, event, paymentId, paid.amount, paid.currency.toUpperCase());
      return [`recorded payment for registration ${registration.id}: arrived late, refund queued`];
    });
  }

  /** The payment page closed unpaid: the hold lapses now rather than at the next sweep. */
  async checkoutExpired(sessionId: string, outer?: EntityManager): Promise<string[]> {
    return inTransaction(this.dataSource, outer, async (manager) => {
      const found = await this.registrations.findByCheckoutSession(sessionId, manager);
      if (!found || found.status !== RegistrationStatus.PENDING_PAYMENT) return [];
      const event = await this.events.lockById(manager, found.eventId);
      const registration = await this.registrations.lockById(manager, found.id);
      if (!event || !registration || registration.status !== RegistrationStatus.PENDING_PAYMENT || registration.checkoutSessionId !== sessionId) return [];
      const now = new Date();
      await this.waitlist.lapse(manager, event, registration, now);
      await this.waitlist.promote(manager, event, now);
      await this.events.saveCounters(manager, event);
      return [`registration ${registration.id}: hold released (payment page expired)`];
    });
  }

  /**
   * The refund job: asks Stripe first (outside any transaction, with the idempotency key
   * `event-refund:<payment id>`, so a retry never refunds twice), then marks the seat's payment
   * refunded and books the refund on the ledger in one transaction: both or neither. A failure
   * leaves the payment REFUND_PENDING and the job retries with backoff.
   */
  async refund(paymentId: string): Promise<void> {
    const payment = await this.payments.findById(paymentId);
    if (!payment || payment.status !== EventPaymentStatus.REFUND_PENDING) return;
    if (!payment.paymentIntentId) throw new Error(`event payment ${paymentId} has no payment intent to refund`);
    const { refundId } = await this.port.refund(payment.paymentIntentId, payment.amount, `event-refund:${payment.id}`);
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.payments.lockById(manager, payment.id);
      if (!locked || locked.status !== EventPaymentStatus.REFUND_PENDING) return;
      await this.payments.markRefunded(manager, locked.id, refundId ?? 'already_refunded');
      await this.ledger.refund(manager, { paymentIntentId: locked.paymentIntentId, stripeRefundId: refundId, amount: locked.amount, currency: locked.currency });
    });
  }
}
