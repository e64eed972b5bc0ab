import { BillingInterval } from '../../../members/src/index.js';

export type StripeInterval = 'year' | 'month' | 'once';

/** How a tier is charged: a recurring yearly or monthly price for subscriptions, a one-time price otherwise. */
export function stripeIntervalFor(interval: BillingInterval, recurring: boolean): StripeInterval {
  if (!recurring || interval === BillingInterval.LIFETIME) return 'once';
  return interval === BillingInterval.YEAR ? 'year' : 'month';
}

/** The whole charge, since a Stripe price never changes: a new tier price means a new key and a new Price. */
export function priceLookupKey(tier: { id: string; priceAmount: number; priceCurrency: string }, interval: StripeInterval): string {
  return `guildhall-dues:${tier.id}:${tier.priceAmount}:${tier.priceCurrency}:${interval}`;
}

/** A product id of our own making, so finding the tier's product again needs no search. */
export function productIdFor(tierId: string): string {
  return `guildhall_tier_${tierId.replace(/-/g, '')}`;
}
