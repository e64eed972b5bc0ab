import type { EventBatch } from '../events.js';
import { finalizeInvoice } from '../objects/invoice.js';
import { confirmPaymentIntent, invoicePaymentFor } from '../objects/payment.js';
import { mustGet, type FakeStripeStore } from '../store.js';
import type { FakeInvoice } from '../types.js';

const RETRY_DELAY_SECONDS = 3 * 86_400;

/** Emits `invoice.created`, finalizes the draft and emits `invoice.finalized`. */
export function openInvoice(store: FakeStripeStore, batch: EventBatch, invoice: FakeInvoice): void {
  batch.emit('invoice.created', invoice);
  finalizeInvoice(store, invoice);
  batch.emit('invoice.finalized', invoice);
}

/**
 * One automatic collection attempt on an open invoice with a test card that succeeds or is
 * declined. Success: `charge.succeeded`, `payment_intent.succeeded`, `invoice_payment.paid`,
 * `invoice.paid`, `invoice.payment_succeeded`. Decline: `charge.failed`,
 * `payment_intent.payment_failed`, `invoice.payment_failed`. Retries reuse the PaymentIntent.
 */
export function attemptInvoicePayment(store: FakeStripeStore, batch: EventBatch, invoice: FakeInvoice, succeed: boolean): void {
  if (invoice.status !== 'open') throw new Error(`fake Stripe: invoice ${invoice.id} is ${invoice.status}, not open`);
  const now = store.clock.now();
  const customer = invoice.customer ? store.customers.get(invoice.customer) : undefined;
  invoice.attempted = true;
  invoice.attempt_count += 1;
  if (invoice.amount_due === 0) {
    markPaid(invoice, now);
    batch.emit('invoice.paid', invoice);
    batch.emit('invoice.payment_succeeded', invoice);
    return;
  }
  const payment = invoicePaymentFor(store, invoice, {
    amount: invoice.amount_due,
    currency: invoice.currency,
    customer: invoice.customer,
    description: invoice.billing_reason === 'subscription_create' ? 'Subscription creation' : 'Subscription update',
  });
  const intent = mustGet(store.paymentIntents, payment.payment.payment_intent, 'payment_intent');
  const charge = confirmPaymentIntent(store, intent, succeed);
  if (succeed) {
    payment.status = 'paid';
    payment.amount_paid = invoice.amount_due;
    payment.status_transitions.paid_at = now;
    markPaid(invoice, now);
    if (customer) customer.delinquent = false;
    batch.emit('charge.succeeded', charge);
    batch.emit('payment_intent.succeeded', intent);
    batch.emit('invoice_payment.paid', payment);
    batch.emit('invoice.paid', invoice);
    batch.emit('invoice.payment_succeeded', invoice);
  } else {
    invoice.next_payment_attempt = now + RETRY_DELAY_SECONDS;
    if (customer) customer.delinquent = true;
    batch.emit('charge.failed', charge);
    batch.emit('payment_intent.payment_failed', intent);
    batch.emit('invoice.payment_failed', invoice);
  }
}

function markPaid(invoice: FakeInvoice, now: number): void {
  invoice.status = 'paid';
  invoice.amount_paid = invoice.amount_due;
  invoice.amount_remaining = 0;
  invoice.next_payment_attempt = null;
  invoice.status_transitions.paid_at = now;
}
