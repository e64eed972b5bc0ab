import { describe, expect, it } from '@jest/globals';
import type Stripe from 'stripe';
import { RefundStatus } from './payment.enums.js';
import { refundFact, refundsOfCharge } from './stripe-refund-facts.js';

describe('Stripe refunds as ledger facts', () => {
  const refund = { id: 're_1', amount: 100, currency: 'eur', status: 'succeeded', metadata: { guildhall_refund_id: 'r-1' }, created: 7 } as unknown as Stripe.Refund;

  it('maps refunds, recognising ours by metadata', () => {
    expect(refundFact(refund)).toEqual({ id: 're_1', amount: 100, currency: 'EUR', status: RefundStatus.SUCCEEDED, localId: 'r-1', created: new Date(7_000) });
    expect(refundFact({ ...refund, status: 'pending', metadata: {} } as Stripe.Refund)).toMatchObject({ status: RefundStatus.PENDING, localId: null });
    expect(refundFact({ ...refund, status: 'canceled' } as Stripe.Refund).status).toBe(RefundStatus.FAILED);
  });

  it("maps a charge's refunds with its ids", () => {
    const charge = { id: 'ch_1', payment_intent: { id: 'pi_1' }, refunds: { data: [refund] } } as unknown as Stripe.Charge;
    expect(refundsOfCharge(charge)).toMatchObject({ chargeId: 'ch_1', paymentIntentId: 'pi_1', refunds: [{ id: 're_1' }] });
  });
});
