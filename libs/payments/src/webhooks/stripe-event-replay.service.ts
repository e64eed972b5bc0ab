import { Inject, Injectable } from '@nestjs/common';
import type Stripe from 'stripe';
import { ROOT_LOGGER, type RootLogger } from '../../../core/src/index.js';
import { StripeEventSource } from '../events/stripe-event.entity.js';
import { StripeEventsRepository } from '../events/stripe-events.repository.js';
import { SyncCursorsRepository } from '../events/sync-cursors.repository.js';
import { toProviderError } from '../stripe/stripe-error-mapping.js';
import { StripeGateway } from '../stripe/stripe-gateway.js';
import { StripeEventDispatcher } from './stripe-event-dispatcher.service.js';

const STRIPE_EVENT_RETENTION_MS = 30 * 86_400_000;
/** Events may be created a little out of order across Stripe's machines: re-read a margin before the cursor. */
const CURSOR_OVERLAP_MS = 5 * 60_000;
const MAX_EVENTS = 10_000;

export interface ReplayReport {
  scanned: number;
  applied: number;
  failures: number;
  /** What each applied event changed, `<type> <event id>: <change>`. */
  changes: string[];
}

/**
 * Lost webhooks, found again: pages through Stripe's events of the types some listener handles and
 * sends those never recorded through the same dispatcher as the webhook (so dues and event seats are
 * both reconciled). The cursor only moves past events that were applied or seen.
 */
@Injectable()
export class StripeEventReplay {
  constructor(
    private readonly gateway: StripeGateway,
    private readonly dispatcher: StripeEventDispatcher,
    private readonly events: StripeEventsRepository,
    private readonly cursors: SyncCursorsRepository,
    @Inject(ROOT_LOGGER) private readonly logger: RootLogger,
  ) {}

  /** Just before the last event the cursor saw, and never beyond Stripe's 30 days. */
  async defaultSince(cursorName: string): Promise<Date> {
    const cursor = await this.cursors.find(cursorName);
    const oldest = Date.now() - STRIPE_EVENT_RETENTION_MS;
    const from = cursor?.lastEventCreatedAt ? cursor.lastEventCreatedAt.getTime() - CURSOR_OVERLAP_MS : oldest;
    return new Date(Math.max(from, oldest));
  }

  async replayMissed(from: Date, cursorName: string, keepAlive: () => Promise<void> = async () => {}): Promise<ReplayReport> {
    const events = await this.list(from);
    const report: ReplayReport = { scanned: events.length, applied: 0, failures: 0, changes: [] };
    const recorded = await this.events.recordedAmong(events.map((e) => e.id));
    let cursor: Stripe.Event | undefined;
    let failed = false;
    for (const event of events) {
      await keepAlive();
      if (!recorded.has(event.id)) {
        try {
          const result = await this.dispatcher.dispatch(event, StripeEventSource.RECONCILE);
          if (result.outcome === 'applied') {
            report.applied++;
            report.changes.push(...result.changes.map((c) => `${event.type} ${event.id}: ${c}`));
          }
        } catch (error) {
          report.failures++;
          failed = true;
          this.logger.warn({ err: error, eventId: event.id, context: 'stripe-replay' }, 'Missed event could not be applied; next run retries it');
        }
      }
      if (!failed) cursor = event;
    }
    if (cursor) await this.cursors.advance(cursorName, cursor.id, new Date(cursor.created * 1000));
    return report;
  }

  private async list(from: Date): Promise<Stripe.Event[]> {
    const stripe = this.gateway.client();
    const events: Stripe.Event[] = [];
    try {
      for await (const event of stripe.events.list({ types: this.dispatcher.handledEventTypes(), created: { gte: Math.floor(from.getTime() / 1000) }, limit: 100 })) {
        events.push(event);
        if (events.length >= MAX_EVENTS) break;
      }
    } catch (error) {
      throw toProviderError(error, 'list events');
    }
    return events.sort((a, b) => a.created - b.created);
  }
}
