import type Stripe from 'stripe';
import type { StripeEventHandler } from '../../../payments/src/index.js';
import { type PaidCheckout, type SeatPaymentsService } from '../seat-payments.service.js';
import { isSeatSession, toPaidCheckout } from './seat-webhook.mapping.js';

/**
 * The events feature's table: the Stripe event types it acts on (for objects whose purpose is EVENT),
 * each to its handler. The session in the event is enough (no Stripe read): a completed session's
 * payment does not change afterwards. Every other type is ignored (2xx).
 */
export function seatWebhookHandlers(seats: SeatPaymentsService, ledgerRefunds: StripeEventHandler<any>): Record<string, StripeEventHandler<any>> {
  const paid: StripeEventHandler<PaidCheckout> = {
    read: async (event) => toPaidCheckout(event.data.object as Stripe.Checkout.Session) ?? null,
    apply: async (manager, checkout) => seats.checkoutPaid(checkout, manager),
  };
  const expired: StripeEventHandler<string> = {
    read: async (event) => {
      const session = event.data.object as Stripe.Checkout.Session;
      return isSeatSession(session) ? session.id : null;
    },
    apply: async (manager, sessionId) => seats.checkoutExpired(sessionId, manager),
  };
  return {
    'checkout.session.completed': paid,
    'checkout.session.async_payment_succeeded': paid,
    'checkout.session.expired': expired,
    // Refunds of a seat's charge (ours, or made in the dashboard) reach the ledger through payments.
    'charge.refunded': ledgerRefunds,
  };
}
