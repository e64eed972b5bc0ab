import { Inject, Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import { APP_CONFIG, type AppConfig } from '../../../core/src/index.js';
import { StripeGateway, toProviderError } from '../../../payments/src/index.js';
import { EVENT_PAYMENT_PURPOSE, type EventPaymentsPort, type SeatCheckout, type SeatCheckoutRequest } from './event-payments.port.js';

/**
 * The seat payments port on Stripe Checkout (payment mode). Every call carries an idempotency key
 * derived from our records, so retries never open a second page or refund twice. Failures go through
 * payments' one Stripe error mapping (Stripe's own text never reaches a client).
 */
@Injectable()
export class StripeEventPayments implements EventPaymentsPort {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly gateway: StripeGateway,
  ) {}

  get configured(): boolean {
    return this.gateway.configured;
  }

  /** The platform's one Stripe client (payments library): same keys, endpoint, timeout and retries as dues. */
  private client(): Stripe {
    return this.gateway.client();
  }

  async createSeatCheckout(request: SeatCheckoutRequest): Promise<SeatCheckout> {
    const metadata = { purpose: EVENT_PAYMENT_PURPOSE, registrationId: request.registrationId, eventId: request.eventId, userId: request.userId };
    const back = `${this.config.publicUrl}/events/${request.eventId}?registration=${request.registrationId}`;
    try {
      const session = await this.client().checkout.sessions.create(
        {
          mode: 'payment',
          line_items: [{ quantity: 1, price_data: { currency: request.currency.toLowerCase(), unit_amount: request.amount, product_data: { name: request.description } } }],
          customer_email: request.email,
          client_reference_id: request.registrationId,
          metadata,
          payment_intent_data: { metadata },
          expires_at: Math.floor(request.expiresAt.getTime() / 1000),
          success_url: `${back}&paid=1`,
          cancel_url: back,
        },
        { idempotencyKey: request.idempotencyKey },
      );
      if (!session.url) throw new Error('Stripe returned a Checkout Session without a URL');
      return { url: session.url, sessionId: session.id };
    } catch (error) {
      throw toProviderError(error, 'open a payment page');
    }
  }

  async expireCheckout(sessionId: string): Promise<void> {
    try {
      const session = await this.client().checkout.sessions.retrieve(sessionId);
      if (session.status !== 'open') return;
      await this.client().checkout.sessions.expire(sessionId, {}, { idempotencyKey: `expire:${sessionId}` });
    } catch (error) {
      // Completed or expired meanwhile: nothing left to close.
      if (error instanceof Stripe.errors.StripeInvalidRequestError) return;
      throw toProviderError(error, 'close a payment page');
    }
  }

  async refund(paymentRef: string, amount: number, idempotencyKey: string): Promise<{ refundId: string | null }> {
    try {
      const refund = await this.client().refunds.create({ payment_intent: paymentRef, amount }, { idempotencyKey });
      return { refundId: refund.id };
    } catch (error) {
      // Refunded already (by an earlier attempt whose answer was lost, or by hand in the dashboard).
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'charge_already_refunded') return { refundId: null };
      throw toProviderError(error, 'refund the payment');
    }
  }
}
