/** Where a Stripe event reached us from, and what we did with it (stored in `stripe_events`). */
export enum StripeEventSource {
  WEBHOOK = 'WEBHOOK',
  RECONCILE = 'RECONCILE',
}

export enum StripeEventOutcome {
  APPLIED = 'APPLIED',
  IGNORED = 'IGNORED',
}
