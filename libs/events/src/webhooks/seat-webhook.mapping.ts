import type Stripe from 'stripe';
import { EVENT_PAYMENT_PURPOSE } from '../payments/event-payments.port.js';
import { type PaidCheckout } from '../seat-payments.service.js';

/** Ours when the session was opened for a seat (metadata.purpose = EVENT): dues sessions are left alone. */
export function isSeatSession(session: Stripe.Checkout.Session): boolean {
  return session.mode === 'payment' && session.metadata?.purpose === EVENT_PAYMENT_PURPOSE && !!session.metadata?.registrationId;
}

/** A completed seat session that is paid, as the service wants it; undefined otherwise. */
export function toPaidCheckout(session: Stripe.Checkout.Session): PaidCheckout | undefined {
  if (!isSeatSession(session) || session.payment_status !== 'paid') return undefined;
  const intent = session.payment_intent;
  return {
    sessionId: session.id,
    registrationId: session.metadata!.registrationId,
    paymentIntentId: typeof intent === 'string' ? intent : (intent?.id ?? null),
    amount: session.amount_total ?? 0,
    currency: session.currency ?? 'usd',
  };
}
