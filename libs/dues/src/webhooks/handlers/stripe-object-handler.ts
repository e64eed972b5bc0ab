import { EntityManager } from 'typeorm';

/**
 * One handler per Stripe object type. `read` fetches the object's current state from Stripe
 * (outside any transaction) and returns the work to do, or null when it is not ours; `apply` does
 * it in the transaction that also records the event. Returns what changed.
 */
export interface StripeObjectHandler<Work = unknown> {
  read(objectId: string): Promise<Work | null>;
  apply(manager: EntityManager, work: Work): Promise<string[]>;
}
