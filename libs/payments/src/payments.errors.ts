/** Machine-readable reasons (extensions.reason) for the payments ledger and the Stripe adapter. */
export enum PaymentsErrorReason {
  PROVIDER_UNAVAILABLE = 'PROVIDER_UNAVAILABLE',
  PROVIDER_REFUSED = 'PROVIDER_REFUSED',
  NOT_CONFIGURED = 'STRIPE_NOT_CONFIGURED',
  REFUND_EXCEEDS_PAID = 'REFUND_EXCEEDS_PAID',
  DUPLICATE_REFERENCE = 'DUPLICATE_REFERENCE',
}
