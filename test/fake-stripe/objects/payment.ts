import { newId, randomToken } from '../ids.js';
import type { FakeStripeStore } from '../store.js';
import type { FakeCharge, FakeInvoice, FakeInvoicePayment, FakePaymentIntent, Metadata } from '../types.js';

export interface PaymentIntentInit {
  amount: number;
  currency: string;
  customer: string | null;
  metadata?: Metadata;
  description?: string | null;
  receiptEmail?: string | null;
}

export function createPaymentIntent(store: FakeStripeStore, init: PaymentIntentInit): FakePaymentIntent {
  const id = newId('pi');
  const intent: FakePaymentIntent = {
    id,
    object: 'payment_intent',
    amount: init.amount,
    amount_capturable: 0,
    amount_received: 0,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic_async',
    client_secret: `${id}_secret_${randomToken(24)}`,
    confirmation_method: 'automatic',
    created: store.clock.now(),
    currency: init.currency,
    customer: init.customer,
    description: init.description ?? null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: init.metadata ?? {},
    next_action: null,
    payment_method: null,
    payment_method_types: ['card'],
    receipt_email: init.receiptEmail ?? null,
    status: 'requires_payment_method',
  };
  store.paymentIntents.set(id, intent);
  return intent;
}

/**
 * Confirms a PaymentIntent with a test card: creates its Charge (succeeded or declined) and moves
 * the intent to `succeeded` or back to `requires_payment_method`. Metadata is copied from the
 * intent to the charge once, as Stripe does on confirmation.
 */
export function confirmPaymentIntent(store: FakeStripeStore, intent: FakePaymentIntent, succeed: boolean): FakeCharge {
  const paymentMethod = newId('pm');
  const charge: FakeCharge = {
    id: newId('ch'),
    object: 'charge',
    amount: intent.amount,
    amount_captured: succeed ? intent.amount : 0,
    amount_refunded: 0,
    balance_transaction: succeed ? newId('txn') : null,
    captured: succeed,
    created: store.clock.now(),
    currency: intent.currency,
    customer: intent.customer,
    description: intent.description,
    disputed: false,
    failure_code: succeed ? null : 'card_declined',
    failure_message: succeed ? null : 'Your card was declined.',
    livemode: false,
    metadata: { ...intent.metadata },
    paid: succeed,
    payment_intent: intent.id,
    payment_method: paymentMethod,
    receipt_email: intent.receipt_email,
    receipt_url: null,
    refunded: false,
    status: succeed ? 'succeeded' : 'failed',
  };
  store.charges.set(charge.id, charge);
  intent.latest_charge = charge.id;
  if (succeed) {
    intent.status = 'succeeded';
    intent.amount_received = intent.amount;
    intent.payment_method = paymentMethod;
    intent.last_payment_error = null;
  } else {
    intent.status = 'requires_payment_method';
    intent.payment_method = null;
    intent.last_payment_error = {
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'generic_decline',
      message: 'Your card was declined.',
      charge: charge.id,
      doc_url: 'https://docs.stripe.com/error-codes/card-declined',
    };
  }
  return charge;
}

/** The `invoice_payment` joining an invoice to the PaymentIntent that pays it (reused across attempts). */
export function invoicePaymentFor(store: FakeStripeStore, invoice: FakeInvoice, intentInit: PaymentIntentInit): FakeInvoicePayment {
  for (const payment of store.invoicePayments.values()) {
    if (payment.invoice === invoice.id && payment.status === 'open') return payment;
  }
  const intent = createPaymentIntent(store, intentInit);
  const payment: FakeInvoicePayment = {
    id: newId('inpay'),
    object: 'invoice_payment',
    amount_paid: null,
    amount_requested: invoice.amount_due,
    created: store.clock.now(),
    currency: invoice.currency,
    invoice: invoice.id,
    is_default: true,
    livemode: false,
    payment: { type: 'payment_intent', payment_intent: intent.id },
    status: 'open',
    status_transitions: { canceled_at: null, paid_at: null },
  };
  store.invoicePayments.set(payment.id, payment);
  return payment;
}
