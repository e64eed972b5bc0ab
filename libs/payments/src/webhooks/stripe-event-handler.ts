import type Stripe from 'stripe';
import { EntityManager } from 'typeorm';

/**
 * One handler per Stripe object type of one feature. `read` runs outside any transaction (it may
 * ask Stripe for the object's current state) and returns the work to do, or null when the object
 * is not this feature's; `apply` does it in the transaction that also claims the event, and returns
 * what changed (one line each).
 */
export interface StripeEventHandler<Work = unknown> {
  read(event: Stripe.Event): Promise<Work | null>;
  apply(manager: EntityManager, work: Work): Promise<string[]>;
}

/**
 * A feature's interest in Stripe events: the objects whose `metadata.purpose` is `purpose` (and,
 * for the one listener that says `untagged`, objects with no purpose at all, such as subscriptions
 * and invoices created before purposes existed), each event type to its handler.
 */
export interface StripeEventListener {
  purpose: string;
  untagged?: boolean;
  handlers: Readonly<Record<string, StripeEventHandler<any>>>;
}
