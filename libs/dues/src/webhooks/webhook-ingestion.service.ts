import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Stripe from 'stripe';
import { DataSource } from 'typeorm';
import { StripeEventOutcome, StripeEventSource, StripeEventsRepository } from '../../../payments/src/index.js';
import { handlerFor, type HandlerName } from './event-handlers.js';
import { ChargeHandler, CheckoutSessionHandler, InvoiceHandler, SubscriptionHandler } from './handlers/dues-object.handlers.js';
import type { StripeObjectHandler } from './handlers/stripe-object-handler.js';

export type IngestResult = { outcome: 'applied' | 'ignored' | 'duplicate'; changes: string[] };

/**
 * Takes one verified Stripe event (from the webhook or from reconciliation): reads the object's
 * current state from Stripe, then records the event and applies the effect in one transaction.
 * The event's primary key makes a redelivery a no-op; a failure rolls both back, so Stripe retries.
 */
@Injectable()
export class WebhookIngestionService {
  private readonly handlers: Record<HandlerName, StripeObjectHandler<any>>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: StripeEventsRepository,
    checkoutSession: CheckoutSessionHandler,
    invoice: InvoiceHandler,
    subscription: SubscriptionHandler,
    charge: ChargeHandler,
  ) {
    this.handlers = { checkoutSession, invoice, subscription, charge };
  }

  async ingest(event: Stripe.Event, source: StripeEventSource): Promise<IngestResult> {
    if (await this.events.isRecorded(event.id)) return { outcome: 'duplicate', changes: [] };
    const name = handlerFor(event.type);
    const objectId = (event.data.object as { id?: string }).id ?? null;
    const handler = name ? this.handlers[name] : undefined;
    const work = handler && objectId ? await handler.read(objectId) : null;
    return this.dataSource.transaction(async (manager) => {
      const claimed = await this.events.claim(manager, {
        id: event.id,
        type: event.type,
        objectId,
        created: new Date(event.created * 1000),
        source,
        outcome: work ? StripeEventOutcome.APPLIED : StripeEventOutcome.IGNORED,
      });
      if (!claimed) return { outcome: 'duplicate', changes: [] };
      if (!handler || !work) return { outcome: 'ignored', changes: [] };
      return { outcome: 'applied', changes: await handler.apply(manager, work) };
    });
  }
}
