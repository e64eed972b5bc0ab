import type { CheckoutStatus } from '../entities/checkout-session.entity.js';

export interface ServicePeriod {
  startsAt: Date;
  /** Null: lifetime. */
  endsAt: Date | null;
}

/** Money Stripe says we received for a membership's dues (from a paid invoice or payment intent). */
export interface PaidFacts {
  /** The invoice id (subscriptions) or payment intent id (one-time): the membership period's sourceRef. */
  sourceRef: string;
  membershipId: string;
  /** Set on one-time payments (metadata); subscriptions are mapped from the price paid. */
  tierId: string | null;
  stripePriceId: string | null;
  amount: number;
  currency: string;
  paidAt: Date;
  paymentIntentId: string | null;
  chargeId: string | null;
  invoiceId: string | null;
  customerId: string | null;
  subscriptionId: string | null;
  receiptUrl: string | null;
  method: string;
  /** From the invoice lines; null for one-time payments (computed from the membership under its lock). */
  period: ServicePeriod | null;
}

/** An open subscription invoice whose collection attempt failed. */
export interface FailureFacts {
  invoiceId: string;
  membershipId: string;
  subscriptionId: string | null;
  amountDue: number;
  currency: string;
  attemptCount: number;
  nextAttemptAt: Date | null;
}

/** A Stripe Subscription as it was when read (`retrievedAt` is the watermark). */
export interface SubscriptionSnapshot {
  id: string;
  membershipId: string;
  customerId: string;
  status: string;
  cancelAtPeriodEnd: boolean;
  currentPeriodStart: Date | null;
  currentPeriodEnd: Date | null;
  itemId: string | null;
  priceId: string | null;
  endedAt: Date | null;
  retrievedAt: Date;
}

export interface SessionFacts {
  id: string;
  membershipId: string;
  status: CheckoutStatus;
  paid: boolean;
  mode: 'payment' | 'subscription';
  invoiceId: string | null;
  paymentIntentId: string | null;
  subscriptionId: string | null;
}

/** Everything one Stripe object told us about one membership, applied in one transaction. */
export interface DuesSyncPlan {
  membershipId: string;
  session?: SessionFacts;
  paid?: PaidFacts;
  failure?: FailureFacts;
  subscription?: SubscriptionSnapshot;
}

