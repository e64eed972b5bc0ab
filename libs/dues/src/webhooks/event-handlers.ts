/** Dues' table: which handler (one per Stripe object) each event type goes to (`charge` is payments' ledger refund sync). Types not listed are acknowledged and ignored. */
export const EVENT_HANDLERS = {
  'checkout.session.completed': 'checkoutSession',
  'checkout.session.async_payment_succeeded': 'checkoutSession',
  'checkout.session.expired': 'checkoutSession',
  'invoice.paid': 'invoice',
  'invoice.payment_failed': 'invoice',
  'customer.subscription.created': 'subscription',
  'customer.subscription.updated': 'subscription',
  'customer.subscription.deleted': 'subscription',
  'charge.refunded': 'charge',
} as const satisfies Record<string, HandlerName>;

export type HandlerName = 'checkoutSession' | 'invoice' | 'subscription' | 'charge';

