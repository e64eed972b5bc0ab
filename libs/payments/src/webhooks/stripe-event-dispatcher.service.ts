import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Stripe from 'stripe';
import { DataSource } from 'typeorm';
import { StripeEventOutcome, StripeEventSource } from '../events/stripe-event.entity.js';
import { StripeEventsRepository } from '../events/stripe-events.repository.js';
import type { StripeEventHandler, StripeEventListener } from './stripe-event-handler.js';
import { purposeOf } from './stripe-event-purpose.js';

export type DispatchOutcome = 'applied' | 'ignored' | 'duplicate';
export interface DispatchResult {
  outcome: DispatchOutcome;
  /** Which listener took it (its purpose), when one did. */
  purpose: string | null;
  changes: string[];
}

/**
 * The one way a verified Stripe event (webhook or reconciliation) reaches a feature: the object's
 * `metadata.purpose` picks the listener, the event type picks its handler (one table per listener).
 * An event nobody handles is claimed as IGNORED without any Stripe read. The handler reads first
 * (outside the transaction); then the claim in `stripe_events` and the effect commit together, so a
 * redelivery is a no-op and a failure rolls both back (and Stripe retries).
 */
@Injectable()
export class StripeEventDispatcher {
  private readonly byPurpose = new Map<string, StripeEventListener>();
  private untagged: StripeEventListener | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: StripeEventsRepository,
  ) {}

  /** Called by each feature at module init. */
  register(listener: StripeEventListener): void {
    if (this.byPurpose.has(listener.purpose)) throw new Error(`A Stripe event listener for purpose "${listener.purpose}" is registered twice`);
    if (listener.untagged && this.untagged) throw new Error(`Only one Stripe event listener may take untagged objects ("${this.untagged.purpose}" does)`);
    this.byPurpose.set(listener.purpose, listener);
    if (listener.untagged) this.untagged = listener;
  }

  /** Every event type some listener handles (what reconciliation asks Stripe for). */
  handledEventTypes(): string[] {
    return [...new Set([...this.byPurpose.values()].flatMap((listener) => Object.keys(listener.handlers)))].sort();
  }

  /** The listener and handler an event goes to, or undefined (ignored). */
  route(event: Pick<Stripe.Event, 'type' | 'data'>): { purpose: string; handler: StripeEventHandler<unknown> } | undefined {
    const purpose = purposeOf(event);
    const listener = purpose === null ? this.untagged : this.byPurpose.get(purpose);
    const handler = listener?.handlers[event.type];
    return listener && handler ? { purpose: listener.purpose, handler } : undefined;
  }

  async dispatch(event: Stripe.Event, source: StripeEventSource): Promise<DispatchResult> {
    if (await this.events.isRecorded(event.id)) return { outcome: 'duplicate', purpose: null, changes: [] };
    const route = this.route(event);
    const work = route ? await route.handler.read(event) : null;
    const objectId = (event.data.object as { id?: string }).id ?? null;
    return this.dataSource.transaction(async (manager) => {
      const claimed = await this.events.claim(manager, {
        id: event.id,
        type: event.type,
        objectId,
        created: new Date(event.created * 1000),
        source,
        outcome: work ? StripeEventOutcome.APPLIED : StripeEventOutcome.IGNORED,
      });
      if (!claimed) return { outcome: 'duplicate', purpose: null, changes: [] };
      if (!route || !work) return { outcome: 'ignored', purpose: route?.purpose ?? null, changes: [] };
      return { outcome: 'applied', purpose: route.purpose, changes: await route.handler.apply(manager, work) };
    });
  }
}
