/**
 * Pure functions from Stripe objects (API version 2026-10-28.endive) to our facts. No I/O here:
 * the readers fetch, these map, the writer applies.
 */
import type Stripe from 'stripe';
import { idOf } from '../../../payments/src/index.js';
import { STRIPE_METADATA } from '../dues.constants.js';
import { CheckoutStatus } from '../entities/checkout-session.entity.js';
import type { FailureFacts, PaidFacts, ServicePeriod, SessionFacts, SubscriptionSnapshot } from './dues-facts.js';

export const toDate = (unix: number | null | undefined): Date | null => (typeof unix === 'number' ? new Date(unix * 1000) : null);

const membershipIn = (metadata: Stripe.Metadata | null | undefined): string | null => metadata?.[STRIPE_METADATA.membership] ?? null;

function subscriptionLines(invoice: Stripe.Invoice): Stripe.InvoiceLineItem[] {
  return invoice.lines.data.filter((line) => line.parent?.type === 'subscription_item_details');
}

export function membershipIdOfInvoice(invoice: Stripe.Invoice): string | null {
  return (
    membershipIn(invoice.parent?.subscription_details?.metadata) ??
    invoice.lines.data.map((line) => membershipIn(line.metadata)).find((id) => id !== null) ??
    membershipIn(invoice.metadata)
  );
}

export function subscriptionIdOfInvoice(invoice: Stripe.Invoice): string | null {
  return idOf(invoice.parent?.subscription_details?.subscription ?? null);
}

/** The period the invoice pays for: its subscription lines' periods (not `invoice.period_*`, which is the previous one). */
export function servicePeriodOfInvoice(invoice: Stripe.Invoice): ServicePeriod | null {
  const lines = subscriptionLines(invoice);
  if (!lines.length) return null;
  const start = Math.min(...lines.map((line) => line.period.start));
  const end = Math.max(...lines.map((line) => line.period.end));
  return { startsAt: new Date(start * 1000), endsAt: new Date(end * 1000) };
}

export function priceIdOfInvoice(invoice: Stripe.Invoice): string | null {
  const line = subscriptionLines(invoice)[0];
  return idOf(line?.pricing?.price_details?.price ?? null);
}

/** The payment intent that paid (or is paying) the invoice, through `expand: ['payments']`. */
export function paymentIntentIdOfInvoice(invoice: Stripe.Invoice): string | null {
  const payments = invoice.payments?.data ?? [];
  const chosen = payments.find((p) => p.status === 'paid') ?? payments.find((p) => p.is_default) ?? payments[0];
  return idOf(chosen?.payment.payment_intent ?? null);
}

function chargeOf(intent: Stripe.PaymentIntent | null): Stripe.Charge | null {
  const charge = intent?.latest_charge;
  return charge && typeof charge !== 'string' ? charge : null;
}

export function invoicePaidFacts(invoice: Stripe.Invoice, intent: Stripe.PaymentIntent | null): PaidFacts | null {
  const membershipId = membershipIdOfInvoice(invoice);
  if (!membershipId || invoice.status !== 'paid' || invoice.amount_paid <= 0) return null;
  const charge = chargeOf(intent);
  return {
    sourceRef: invoice.id,
    membershipId,
    tierId: null,
    stripePriceId: priceIdOfInvoice(invoice),
    amount: invoice.amount_paid,
    currency: invoice.currency.toUpperCase(),
    paidAt: toDate(invoice.status_transitions.paid_at) ?? toDate(invoice.created) ?? new Date(),
    paymentIntentId: intent?.id ?? paymentIntentIdOfInvoice(invoice),
    chargeId: charge?.id ?? idOf(intent?.latest_charge ?? null),
    invoiceId: invoice.id,
    customerId: idOf(invoice.customer),
    subscriptionId: subscriptionIdOfInvoice(invoice),
    receiptUrl: charge?.receipt_url ?? invoice.hosted_invoice_url ?? null,
    method: charge?.payment_method_details?.type ?? 'card',
    period: servicePeriodOfInvoice(invoice),
  };
}

/** An open invoice whose collection was attempted and failed (a dunning case). */
export function invoiceFailureFacts(invoice: Stripe.Invoice): FailureFacts | null {
  const membershipId = membershipIdOfInvoice(invoice);
  if (!membershipId || invoice.status !== 'open' || !invoice.attempted || invoice.amount_remaining <= 0) return null;
  return {
    invoiceId: invoice.id,
    membershipId,
    subscriptionId: subscriptionIdOfInvoice(invoice),
    amountDue: invoice.amount_remaining,
    currency: invoice.currency.toUpperCase(),
    attemptCount: invoice.attempt_count,
    nextAttemptAt: toDate(invoice.next_payment_attempt),
  };
}

/** A one-time dues payment (Checkout in payment mode). */
export function paymentIntentPaidFacts(intent: Stripe.PaymentIntent): PaidFacts | null {
  const membershipId = membershipIn(intent.metadata);
  if (!membershipId || intent.status !== 'succeeded' || intent.amount_received <= 0) return null;
  const charge = chargeOf(intent);
  return {
    sourceRef: intent.id,
    membershipId,
    tierId: intent.metadata[STRIPE_METADATA.tier] ?? null,
    stripePriceId: null,
    amount: intent.amount_received,
    currency: intent.currency.toUpperCase(),
    paidAt: toDate(charge?.created) ?? toDate(intent.created) ?? new Date(),
    paymentIntentId: intent.id,
    chargeId: charge?.id ?? idOf(intent.latest_charge),
    invoiceId: null,
    customerId: idOf(intent.customer),
    subscriptionId: null,
    receiptUrl: charge?.receipt_url ?? null,
    method: charge?.payment_method_details?.type ?? 'card',
    period: null,
  };
}

export function subscriptionSnapshot(subscription: Stripe.Subscription, retrievedAt: Date): SubscriptionSnapshot | null {
  const membershipId = membershipIn(subscription.metadata);
  if (!membershipId) return null;
  const item = subscription.items.data[0];
  return {
    id: subscription.id,
    membershipId,
    customerId: idOf(subscription.customer) ?? '',
    status: subscription.status,
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    currentPeriodStart: toDate(item?.current_period_start),
    currentPeriodEnd: toDate(item?.current_period_end),
    itemId: item?.id ?? null,
    priceId: item?.price.id ?? null,
    endedAt: toDate(subscription.ended_at),
    retrievedAt,
  };
}

export function sessionFacts(session: Stripe.Checkout.Session): SessionFacts | null {
  const membershipId = membershipIn(session.metadata) ?? session.client_reference_id;
  const mode: SessionFacts['mode'] | null = session.mode === 'payment' ? 'payment' : session.mode === 'subscription' ? 'subscription' : null;
  if (!membershipId || !mode) return null;
  const status = session.status === 'complete' ? CheckoutStatus.COMPLETE : session.status === 'expired' ? CheckoutStatus.EXPIRED : CheckoutStatus.OPEN;
  return {
    id: session.id,
    membershipId,
    status,
    paid: session.status === 'complete' && session.payment_status === 'paid',
    mode,
    invoiceId: idOf(session.invoice),
    paymentIntentId: idOf(session.payment_intent),
    subscriptionId: idOf(session.subscription),
  };
}
