import type Stripe from 'stripe';
import { type SeatPaymentsService } from '../seat-payments.service.js';
import { isSeatSession, toPaidCheckout } from './seat-webhook.mapping.js';

export type SeatWebhookHandler = (event: Stripe.Event) => Promise<void>;

/** The Stripe event types the events feature acts on, each to its handler; every other type is ignored (2xx). */
export function seatWebhookHandlers(seats: SeatPaymentsService): Record<string, SeatWebhookHandler> {
  const paid: SeatWebhookHandler = async (event) => {
    const checkout = toPaidCheckout(event.data.object as Stripe.Checkout.Session);
    if (checkout) await seats.checkoutPaid(checkout);
  };
  return {
    'checkout.session.completed': paid,
    'checkout.session.async_payment_succeeded': paid,
    'checkout.session.expired': async (event) => {
      const session = event.data.object as Stripe.Checkout.Session;
      if (isSeatSession(session)) await seats.checkoutExpired(session.id);
    },
  };
}
