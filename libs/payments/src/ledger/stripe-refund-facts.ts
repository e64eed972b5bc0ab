import type Stripe from 'stripe';
import { idOf } from '../stripe/stripe-ids.js';
import { RefundStatus } from './payment.enums.js';
import type { StripeRefundFact } from './refund-ledger.service.js';

/** Metadata on refunds we ask Stripe for: our payment_refunds row (so its answer finds the row again). */
export const REFUND_METADATA_KEY = 'guildhall_refund_id';

/** A charge's or payment intent's refunds as Stripe reports them, for the ledger. */
export interface StripeRefundsOf {
  chargeId: string | null;
  paymentIntentId: string | null;
  refunds: StripeRefundFact[];
}

const REFUND_STATUS: Record<string, RefundStatus> = {
  succeeded: RefundStatus.SUCCEEDED,
  failed: RefundStatus.FAILED,
  canceled: RefundStatus.FAILED,
};

/** Pure mapping of a Stripe refund, recognising ours by metadata. */
export function refundFact(refund: Stripe.Refund): StripeRefundFact {
  return {
    id: refund.id,
    amount: refund.amount,
    currency: refund.currency.toUpperCase(),
    status: REFUND_STATUS[refund.status ?? ''] ?? RefundStatus.PENDING,
    localId: refund.metadata?.[REFUND_METADATA_KEY] ?? null,
    created: new Date(refund.created * 1000),
  };
}

export function refundsOfCharge(charge: Stripe.Charge): StripeRefundsOf {
  return { chargeId: charge.id, paymentIntentId: idOf(charge.payment_intent), refunds: (charge.refunds?.data ?? []).map(refundFact) };
}
