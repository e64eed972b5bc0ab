import type Stripe from 'stripe';

/** The metadata key every feature puts on the Stripe objects it creates, to route their events back. */
export const PURPOSE_METADATA_KEY = 'purpose';

/**
 * The purpose an event's object was created for (`metadata.purpose`), or null when it carries none.
 * Invoices carry their subscription's metadata in `parent.subscription_details`.
 */
export function purposeOf(event: Pick<Stripe.Event, 'data'>): string | null {
  const object = event.data.object as { metadata?: Stripe.Metadata | null; parent?: { subscription_details?: { metadata?: Stripe.Metadata | null } | null } | null };
  const purpose = object.metadata?.[PURPOSE_METADATA_KEY] ?? object.parent?.subscription_details?.metadata?.[PURPOSE_METADATA_KEY];
  return typeof purpose === 'string' && purpose ? purpose : null;
}
