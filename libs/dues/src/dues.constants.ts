import { REFUND_METADATA_KEY } from '../../payments/src/index.js';

/** Metadata keys we put on Stripe objects (sessions, subscriptions, payment intents) to find our records again. */
export const STRIPE_METADATA = {
  membership: 'guildhall_membership_id',
  tier: 'guildhall_tier_id',
  period: 'guildhall_period',
  refund: REFUND_METADATA_KEY,
  payment: 'guildhall_payment_id',
} as const;

export const RECONCILE_TASK = 'dues-reconcile-stripe';
export const STOP_BILLING_TASK = 'dues-stop-cancelled-billing';
export const RECONCILE_CURSOR = 'dues-events';

export const EMAIL = {
  receipt: 'dues-receipt',
  paymentFailed: 'dues-payment-failed',
  refund: 'dues-refund',
} as const;
