import { describe, expect, it } from '@jest/globals';
import type Stripe from 'stripe';
import { CheckoutStatus } from '../entities/checkout-session.entity.js';
import { invoiceFailureFacts, invoicePaidFacts, paymentIntentPaidFacts, servicePeriodOfInvoice, sessionFacts, subscriptionSnapshot } from './stripe-mapping.js';

const META = { guildhall_membership_id: 'm-1', guildhall_tier_id: 't-1' };

function invoice(overrides: Partial<Stripe.Invoice> = {}): Stripe.Invoice {
  return {
    id: 'in_1',
    object: 'invoice',
    status: 'paid',
    amount_paid: 12_000,
    amount_remaining: 0,
    attempted: true,
    attempt_count: 1,
    next_payment_attempt: null,
    currency: 'eur',
    created: 1_700_000_000,
    customer: 'cus_1',
    hosted_invoice_url: null,
    metadata: {},
    status_transitions: { paid_at: 1_700_000_100, finalized_at: null, marked_uncollectible_at: null, voided_at: null },
    parent: { type: 'subscription_details', quote_details: null, subscription_details: { metadata: META, subscription: 'sub_1' } },
    // invoice.period_* is the previous period; the paid period is on the lines
    period_start: 1_600_000_000,
    period_end: 1_700_000_000,
    lines: {
      object: 'list',
      has_more: false,
      url: '',
      data: [
        {
          id: 'il_1',
          metadata: META,
          period: { start: 1_700_000_000, end: 1_731_536_000 },
          parent: { type: 'subscription_item_details' },
          pricing: { type: 'price_details', price_details: { price: 'price_1', product: 'prod_1' } },
        },
      ],
    },
    payments: { object: 'list', has_more: false, url: '', data: [{ status: 'paid', is_default: true, payment: { type: 'payment_intent', payment_intent: 'pi_1' } }] },
    ...overrides,
  } as unknown as Stripe.Invoice;
}

describe('Stripe → dues facts (pure)', () => {
  it('takes the paid period from the subscription lines, not invoice.period_*', () => {
    expect(servicePeriodOfInvoice(invoice())).toEqual({ startsAt: new Date(1_700_000_000_000), endsAt: new Date(1_731_536_000_000) });
  });

  it('maps a paid subscription invoice: membership from the subscription metadata, intent from payments', () => {
    const intent = { id: 'pi_1', latest_charge: { id: 'ch_1', receipt_url: 'https://r', created: 1, payment_method_details: { type: 'card' } } } as unknown as Stripe.PaymentIntent;
    expect(invoicePaidFacts(invoice(), intent)).toMatchObject({
      sourceRef: 'in_1', membershipId: 'm-1', amount: 12_000, currency: 'EUR', paymentIntentId: 'pi_1', chargeId: 'ch_1', receiptUrl: 'https://r',
      invoiceId: 'in_1', subscriptionId: 'sub_1', stripePriceId: 'price_1', paidAt: new Date(1_700_000_100_000),
    });
  });

  it('ignores invoices that are not ours, not paid, or for nothing', () => {
    expect(invoicePaidFacts(invoice({ parent: null, lines: { object: 'list', data: [], has_more: false, url: '' } } as Partial<Stripe.Invoice>), null)).toBeNull();
    expect(invoicePaidFacts(invoice({ status: 'open' }), null)).toBeNull();
    expect(invoicePaidFacts(invoice({ amount_paid: 0 }), null)).toBeNull();
  });

  it('sees a dunning case only in an open, attempted invoice with money owed', () => {
    expect(invoiceFailureFacts(invoice())).toBeNull();
    const failed = invoice({ status: 'open', amount_paid: 0, amount_remaining: 12_000, attempt_count: 2, next_payment_attempt: 1_700_300_000 });
    expect(invoiceFailureFacts(failed)).toEqual({ invoiceId: 'in_1', membershipId: 'm-1', subscriptionId: 'sub_1', amountDue: 12_000, currency: 'EUR', attemptCount: 2, nextAttemptAt: new Date(1_700_300_000_000) });
    expect(invoiceFailureFacts(invoice({ status: 'open', attempted: false, amount_remaining: 12_000 }))).toBeNull();
  });

  it('reads the subscription period from its items (this API version has none on the subscription)', () => {
    const sub = {
      id: 'sub_1', status: 'past_due', cancel_at_period_end: true, customer: 'cus_1', ended_at: null, metadata: META,
      items: { data: [{ id: 'si_1', current_period_start: 10, current_period_end: 20, price: { id: 'price_1' } }] },
    } as unknown as Stripe.Subscription;
    const at = new Date();
    expect(subscriptionSnapshot(sub, at)).toEqual({
      id: 'sub_1', membershipId: 'm-1', customerId: 'cus_1', status: 'past_due', cancelAtPeriodEnd: true, currentPeriodStart: new Date(10_000),
      currentPeriodEnd: new Date(20_000), itemId: 'si_1', priceId: 'price_1', endedAt: null, retrievedAt: at,
    });
    expect(subscriptionSnapshot({ ...sub, metadata: {} } as Stripe.Subscription, at)).toBeNull();
  });

  it('maps one-time payments and sessions', () => {
    const intent = { id: 'pi_2', status: 'succeeded', amount_received: 5_000, currency: 'usd', metadata: META, customer: 'cus_1', created: 5, latest_charge: 'ch_2' } as unknown as Stripe.PaymentIntent;
    expect(paymentIntentPaidFacts(intent)).toMatchObject({ sourceRef: 'pi_2', tierId: 't-1', period: null, chargeId: 'ch_2', currency: 'USD' });
    expect(paymentIntentPaidFacts({ ...intent, status: 'processing' } as Stripe.PaymentIntent)).toBeNull();
    const session = { id: 'cs_1', mode: 'subscription', status: 'complete', payment_status: 'paid', metadata: META, invoice: 'in_1', subscription: 'sub_1', payment_intent: null, client_reference_id: null } as unknown as Stripe.Checkout.Session;
    expect(sessionFacts(session)).toEqual({ id: 'cs_1', membershipId: 'm-1', status: CheckoutStatus.COMPLETE, paid: true, mode: 'subscription', invoiceId: 'in_1', paymentIntentId: null, subscriptionId: 'sub_1' });
    expect(sessionFacts({ ...session, status: 'expired', payment_status: 'unpaid' } as Stripe.Checkout.Session)).toMatchObject({ status: CheckoutStatus.EXPIRED, paid: false });
  });
});
